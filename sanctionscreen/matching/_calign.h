/* The aligned score of two names, in C: ``align.align`` followed by
 * ``score.alignment_score`` up to (not including) the legal-form rule and the final
 * rounding, which Python applies (``score.finished_score``).
 *
 * Step by step as the Python reference, which tests compare this with, and in the
 * same order of additions, so that the score is the same double:
 * - words written as one (``align._joins``, ``_choose_runs``), then units;
 * - pairs chosen greedily, best first (``align.align``);
 * - the weighted Dice score and the rules ``no_distinctive_word``,
 *   ``listed_name_contained`` and ``places_differ`` (``score._score``).
 * Word similarities are rounded exactly as Python rounds them (``Rules.exact``).
 */
#ifndef SANCTIONSCREEN_CALIGN_H
#define SANCTIONSCREEN_CALIGN_H

#include "_cwords.h"

/* Word classes, numbered as ``bound.KIND_CODES`` lists them. */
enum { KIND_STOPWORD, KIND_DISTINCTIVE, KIND_COMMON, KIND_GEOGRAPHIC, KIND_NUMBER };

/* One name's words, their weights and classes. */
typedef struct {
    const Word **words;
    const double *weights;
    const int8_t *kinds;
    Py_ssize_t count;
} Side;

typedef struct {
    double similarity;
    Py_ssize_t single, start, size;  /* ``single`` stands for others[start:start+size] */
} Join;

typedef struct {
    Py_ssize_t start, size;  /* the words it is made of */
    double weight;
    int kind;
    Word word;               /* its text (a run's written as one) and key */
    Py_ssize_t first_equal;  /* the first unit made of the same words */
} Unit;

typedef struct {
    double score, similarity;
    Py_ssize_t query, listed;  /* unit numbers */
} Option;

typedef struct {
    Scratch rows, text, key_a, key_b, joins, runs, used_single, used_other, starts,
        query_units, listed_units, letters, options, pairs, taken;
    size_t letters_used;  /* runs' text and keys in ``letters`` so far, for this pair */
    /* The last alignment: its units (``query_units``, ``listed_units``) and its pairs
     * (``pairs``, in the order of the query's units). */
    Py_ssize_t query_count, listed_count, pair_count;
} Aligner;

static void aligner_free(Aligner *a)
{
    Scratch *const all[] = {&a->rows, &a->text, &a->key_a, &a->key_b, &a->joins, &a->runs,
                            &a->used_single, &a->used_other, &a->starts, &a->query_units,
                            &a->listed_units, &a->letters, &a->options, &a->pairs, &a->taken};
    scratch_free_each(all, sizeof(all) / sizeof(all[0]));
}

/* ``align._joins``: word ``single`` of ``singles`` is others[start:start+size] written as
 * one, spelled more like it than its best single partner in ``others`` is. */
static int find_joins(const Rules *r, const Side *singles, const Side *others, Aligner *a,
                      Scratch *out, Py_ssize_t *count)
{
    Py_ssize_t max_joined = (Py_ssize_t)r->c[C_MAX_JOINED];
    *count = 0;
    for (Py_ssize_t i = 0; i < singles->count; i++) {
        const Word *word = singles->words[i];
        if ((double)word->length <= r->c[C_SHORT_WORD])
            continue;
        Py_ssize_t tolerance = join_tolerance(r->c, word->length);
        double best_single = -1.0;
        for (Py_ssize_t j = 0; j + 1 < others->count; j++) {
            Py_ssize_t joined_length = others->words[j]->length;
            for (Py_ssize_t k = 2; k <= max_joined && j + k <= others->count; k++) {
                const Word *last = others->words[j + k - 1];
                joined_length += last->length;
                if (joined_length - word->length > tolerance)
                    break;  /* longer runs from here are longer still */
                if (word->length - joined_length > tolerance
                        || !(starts_with(word, others->words[j]) || ends_with(word, last)))
                    continue;
                ch *joined = scratch(&a->text, sizeof(ch) * (size_t)(joined_length + 1));
                if (joined == NULL)
                    return -1;
                Py_ssize_t at = 0;
                for (Py_ssize_t m = j; m < j + k; m++) {
                    memcpy(joined + at, others->words[m]->text,
                           sizeof(ch) * (size_t)others->words[m]->length);
                    at += others->words[m]->length;
                }
                double similarity;
                if (spelling(word->text, word->length, joined, at, &a->rows,
                             r->c[C_JOIN_SIMILARITY], &similarity) < 0)
                    return -1;
                if (similarity < r->c[C_JOIN_SIMILARITY])
                    continue;
                if (best_single < 0) {
                    for (Py_ssize_t m = 0; m < others->count; m++) {
                        double alike;
                        if (word_similarity(r, word, others->words[m], &a->rows, &alike) < 0)
                            return -1;
                        if (m == 0 || alike > best_single)
                            best_single = alike;
                    }
                }
                if (similarity > best_single) {
                    Join *found = scratch(out, sizeof(Join) * (size_t)(*count + 1));
                    if (found == NULL)
                        return -1;
                    found[(*count)++] = (Join){similarity, i, j, k};
                }
            }
        }
    }
    return 0;
}

static int join_order(const void *x, const void *y)
{
    const Join *a = x, *b = y;
    if (a->similarity != b->similarity)
        return a->similarity > b->similarity ? -1 : 1;
    if (a->single != b->single)
        return a->single < b->single ? -1 : 1;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    return (a->size > b->size) - (a->size < b->size);
}

/* ``align._choose_runs``: the runs kept, best first, no word used twice; ``starts[j]`` is
 * set to the size of the run kept from ``j`` (others' side). */
static int choose_runs(Join *joins, Py_ssize_t count, Py_ssize_t singles, Py_ssize_t others,
                       Aligner *a, Py_ssize_t *starts)
{
    char *used_single = scratch(&a->used_single, (size_t)singles + 1);
    char *used_other = scratch(&a->used_other, (size_t)others + 1);
    if (used_single == NULL || used_other == NULL)
        return -1;
    memset(used_single, 0, (size_t)singles + 1);
    memset(used_other, 0, (size_t)others + 1);
    if (count > 1)
        qsort(joins, (size_t)count, sizeof(Join), join_order);
    for (Py_ssize_t n = 0; n < count; n++) {
        const Join *join = &joins[n];
        int free_span = !used_single[join->single];
        for (Py_ssize_t m = join->start; free_span && m < join->start + join->size; m++)
            free_span = !used_other[m];
        if (!free_span)
            continue;
        used_single[join->single] = 1;
        for (Py_ssize_t m = join->start; m < join->start + join->size; m++)
            used_other[m] = 1;
        starts[join->start] = join->size;
    }
    return 0;
}

/* ``align._unit``'s class: distinctive if any part is, else the most frequent class
 * (the first of them on a tie). */
static int unit_kind(const Side *side, Py_ssize_t start, Py_ssize_t size)
{
    int best = side->kinds[start];
    Py_ssize_t best_count = 0;
    for (Py_ssize_t i = start; i < start + size; i++)
        if (side->kinds[i] == KIND_DISTINCTIVE)
            return KIND_DISTINCTIVE;
    for (Py_ssize_t i = start; i < start + size; i++) {
        Py_ssize_t count = 0;
        for (Py_ssize_t m = start; m < start + size; m++)
            count += side->kinds[m] == side->kinds[i];
        if (count > best_count) {
            best = side->kinds[i];
            best_count = count;
        }
    }
    return best;
}

/* ``align._units``: one unit per word, or per run kept (``starts``). Runs' text and keys
 * go to ``letters``, whose places are set once it stops moving. */
static int make_units(const Rules *r, const Side *side, const Py_ssize_t *starts, Aligner *a,
                      Scratch *store, Py_ssize_t *count)
{
    *count = 0;
    size_t used = a->letters_used;
    for (Py_ssize_t i = 0; i < side->count;) {
        Py_ssize_t size = starts[i] > 1 ? starts[i] : 1;
        Unit *units = scratch(store, sizeof(Unit) * (size_t)(*count + 1));
        if (units == NULL)
            return -1;
        Unit *unit = &units[(*count)++];
        unit->first_equal = *count - 1;
        unit->start = i;
        unit->size = size;
        unit->kind = unit_kind(side, i, size);
        double weight = 0.0;
        for (Py_ssize_t m = i; m < i + size; m++)
            weight += side->weights[m];
        if (round4_exact(weight, &unit->weight) < 0)
            return -1;
        if (size == 1) {
            unit->word = *side->words[i];
        } else {  /* a run: its text and key are kept as offsets into ``letters`` for now */
            Py_ssize_t length = 0;
            for (Py_ssize_t m = i; m < i + size; m++)
                length += side->words[m]->length;
            ch *text = scratch(&a->letters, sizeof(ch) * (used + (size_t)length + 1));
            if (text == NULL)
                return -1;
            Py_ssize_t at = (Py_ssize_t)used;
            for (Py_ssize_t m = i; m < i + size; m++) {
                memcpy(text + at, side->words[m]->text,
                       sizeof(ch) * (size_t)side->words[m]->length);
                at += side->words[m]->length;
            }
            ch *key;
            Py_ssize_t key_length;
            if (romanisation_key(r, text + used, length, &a->key_a, &a->key_b, &key,
                                 &key_length) < 0)
                return -1;
            text = scratch(&a->letters, sizeof(ch) * (used + (size_t)(length + key_length) + 1));
            if (text == NULL)
                return -1;
            memcpy(text + used + length, key, sizeof(ch) * (size_t)key_length);
            unit->word.text = (const ch *)(uintptr_t)used;
            unit->word.length = length;
            unit->word.key = (const ch *)(uintptr_t)(used + (size_t)length);
            unit->word.key_length = key_length;
            unit->word.digit = all_digits(text + used, length);
            unit->word.letters = letter_set(text + used, length);
            unit->word.key_letters = letter_set(key, key_length);
            unit->word.pattern = unit->word.key_pattern = NULL;
            used += (size_t)(length + key_length);
        }
        i += size;
    }
    a->letters_used = used;
    return 0;
}

/* Runs' text and key places, now that ``letters`` no longer moves. */
static void place_runs(Unit *units, Py_ssize_t count, const ch *letters)
{
    for (Py_ssize_t u = 0; u < count; u++)
        if (units[u].size > 1) {
            units[u].word.text = letters + (uintptr_t)units[u].word.text;
            units[u].word.key = letters + (uintptr_t)units[u].word.key;
        }
}

/* For each unit, the first unit made of the same words (``list.index`` of an equal unit,
 * which orders the pairs). */
static void mark_first_equal(const Side *side, Unit *units, Py_ssize_t count)
{
    for (Py_ssize_t u = 0; u < count; u++) {
        units[u].first_equal = u;
        for (Py_ssize_t v = 0; v < u; v++) {
            if (units[v].size != units[u].size)
                continue;
            int equal = 1;
            for (Py_ssize_t m = 0; equal && m < units[u].size; m++) {
                const Word *x = side->words[units[u].start + m];
                const Word *y = side->words[units[v].start + m];
                equal = same(x->text, x->length, y->text, y->length);
            }
            if (equal) {
                units[u].first_equal = v;
                break;
            }
        }
    }
}

static int option_order(const void *x, const void *y)
{
    const Option *a = x, *b = y;
    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    if (a->similarity != b->similarity)
        return a->similarity > b->similarity ? -1 : 1;
    if (a->query != b->query)
        return a->query < b->query ? -1 : 1;
    return (a->listed > b->listed) - (a->listed < b->listed);
}

/* The score of ``query`` against ``listed`` before the legal-form rule and rounding. */
static int aligned_score(const Rules *r, const Side *query, const Side *listed, Aligner *a,
                         double *out)
{
    const double *c = r->c;
    a->letters_used = 0;
    /* Listed runs that a query word stands for, then query runs that a listed word
     * (not already inside a listed run) stands for. */
    Py_ssize_t joins;
    Py_ssize_t *listed_starts = scratch(&a->starts, sizeof(Py_ssize_t)
                                        * (size_t)(query->count + listed->count + 2));
    if (listed_starts == NULL)
        return -1;
    memset(listed_starts, 0, sizeof(Py_ssize_t) * (size_t)(query->count + listed->count + 2));
    Py_ssize_t *query_starts = listed_starts + listed->count + 1;
    if (find_joins(r, query, listed, a, &a->joins, &joins) < 0
            || choose_runs(a->joins.data, joins, query->count, listed->count, a,
                           listed_starts) < 0)
        return -1;
    char *taken = scratch(&a->taken, (size_t)listed->count + 1);
    if (taken == NULL)
        return -1;
    memset(taken, 0, (size_t)listed->count + 1);
    for (Py_ssize_t j = 0; j < listed->count; j++)
        for (Py_ssize_t m = j; listed_starts[j] > 1 && m < j + listed_starts[j]; m++)
            taken[m] = 1;
    if (find_joins(r, listed, query, a, &a->joins, &joins) < 0)
        return -1;
    Join *found = a->joins.data;
    Py_ssize_t kept = 0;
    for (Py_ssize_t n = 0; n < joins; n++)
        if (!taken[found[n].single])
            found[kept++] = found[n];
    if (choose_runs(found, kept, listed->count, query->count, a, query_starts) < 0)
        return -1;

    Py_ssize_t query_count, listed_count;
    if (make_units(r, query, query_starts, a, &a->query_units, &query_count) < 0
            || make_units(r, listed, listed_starts, a, &a->listed_units, &listed_count) < 0)
        return -1;
    Unit *query_units = a->query_units.data, *listed_units = a->listed_units.data;
    place_runs(query_units, query_count, a->letters.data);
    place_runs(listed_units, listed_count, a->letters.data);
    mark_first_equal(query, query_units, query_count);

    /* Pairs, best first, each unit used once; then in the order of the query's units. */
    Py_ssize_t options = 0;
    for (Py_ssize_t q = 0; q < query_count; q++)
        for (Py_ssize_t l = 0; l < listed_count; l++) {
            double similarity;
            if (word_similarity(r, &query_units[q].word, &listed_units[l].word, &a->rows,
                                &similarity) < 0)
                return -1;
            if (similarity <= 0)
                continue;
            Option *option = scratch(&a->options, sizeof(Option) * (size_t)(options + 1));
            if (option == NULL)
                return -1;
            option[options++] = (Option){
                similarity * (query_units[q].weight + listed_units[l].weight), similarity, q,
                l};
        }
    Option *all = a->options.data;
    if (options > 1)
        qsort(all, (size_t)options, sizeof(Option), option_order);
    char *used = scratch(&a->used_single, (size_t)(query_count + listed_count) + 1);
    Option *pairs = scratch(&a->pairs, sizeof(Option) * (size_t)(query_count + 1));
    if (used == NULL || pairs == NULL)
        return -1;
    memset(used, 0, (size_t)(query_count + listed_count) + 1);
    char *used_listed = used + query_count;
    Py_ssize_t pair_count = 0;
    for (Py_ssize_t n = 0; n < options; n++) {
        if (used[all[n].query] || used_listed[all[n].listed])
            continue;
        used[all[n].query] = 1;
        used_listed[all[n].listed] = 1;
        /* kept in the order of the query's units (stable on equal units) */
        Py_ssize_t at = pair_count++;
        Py_ssize_t key = query_units[all[n].query].first_equal;
        while (at > 0 && query_units[pairs[at - 1].query].first_equal > key) {
            pairs[at] = pairs[at - 1];
            at--;
        }
        pairs[at] = all[n];
    }

    a->query_count = query_count;
    a->listed_count = listed_count;
    a->pair_count = pair_count;

    /* The weighted Dice score and the rules, as score._score adds them up. */
    double matched = 0.0, query_weight = 0.0, listed_weight = 0.0;
    for (Py_ssize_t p = 0; p < pair_count; p++)
        matched += (query_units[pairs[p].query].weight + listed_units[pairs[p].listed].weight)
                   * pairs[p].similarity;
    for (Py_ssize_t q = 0; q < query_count; q++)
        query_weight += query_units[q].weight;
    for (Py_ssize_t l = 0; l < listed_count; l++)
        listed_weight += listed_units[l].weight;
    double total = query_weight + listed_weight, score;
    if (total > 0) {
        score = matched / total;
    } else {
        int same_words = query->count == listed->count;
        for (Py_ssize_t i = 0; same_words && i < query->count; i++)
            same_words = same(query->words[i]->text, query->words[i]->length,
                              listed->words[i]->text, listed->words[i]->length);
        score = same_words ? 1.0 : 0.0;
    }
    if (score > c[C_COMMON_ONLY_CAP]) {
        int met = 0, distinctive = 0;
        for (Py_ssize_t p = 0; p < pair_count && !met; p++)
            met = listed_units[pairs[p].listed].weight >= c[C_DISTINCTIVE_WEIGHT]
                  && pairs[p].similarity >= c[C_DISTINCTIVE_SIMILARITY];
        for (Py_ssize_t l = 0; l < listed_count && !distinctive; l++)
            distinctive = listed_units[l].weight >= c[C_DISTINCTIVE_WEIGHT];
        if (!met && distinctive)
            score = c[C_COMMON_ONLY_CAP];
    }
    if (score < c[C_CONTAINED_FLOOR] && listed_weight >= c[C_CONTAINED_MIN_WEIGHT]
            && pair_count == listed_count) {
        double listed_met = 0.0;
        for (Py_ssize_t p = 0; p < pair_count; p++)
            if (pairs[p].similarity >= c[C_CONTAINED_SIMILARITY])
                listed_met += listed_units[pairs[p].listed].weight;
        if (listed_met >= listed_weight - 1e-9)
            score = c[C_CONTAINED_FLOOR];
    }
    int query_place = 0, listed_place = 0;
    for (Py_ssize_t q = 0; q < query_count; q++)
        query_place |= !used[q] && query_units[q].kind == KIND_GEOGRAPHIC;
    for (Py_ssize_t l = 0; l < listed_count; l++)
        listed_place |= !used_listed[l] && listed_units[l].kind == KIND_GEOGRAPHIC;
    if (query_place && listed_place)
        score = score * c[C_PLACES_DIFFER_FACTOR];
    *out = score;
    return 0;
}

#endif
