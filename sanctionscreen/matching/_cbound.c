/* Score bounds of one query against many listed names, in C.
 *
 * The same bound as ``bound.score_bound`` (the plain-Python reference, which
 * tests compare this with): each word counts its weight times its best word
 * similarity with any word of the other name; words that one word on the other
 * side stands for, written as one (``align._joins``), count in full, and so does
 * that word; any word may pair with such a run; the ``listed_name_contained``
 * floor is allowed for. Word similarity is ``similarity.word_similarity``:
 * optimal-string-alignment edits, romanisation keys, numbers, short words.
 *
 * Only names whose bound reaches the floor are aligned and scored, in Python
 * (``align.py``, ``score.py``): a bound that comes out too high costs time, never a hit.
 *
 * Optional: when this module is not built, ``bound.score_bound`` (the reference)
 * bounds each name. Python passes every constant, so the rules live in one place.
 */
#include "_cwords.h"

/* What a candidate's bound reads of a listed word, kept together in 32 bytes (one
 * memory read rather than one per table, and fewer records across two cache lines
 * than at 40). Per query, the word's similarity with every query
 * word is worked out once: ``seen == query`` says it is in the memo at row ``slot``,
 * and the bits say, for the first ``BITS`` query words, which ones it begins (bit i of
 * ``begins_ends``) or ends (bit BITS + i), and which begin it (bit i of
 * ``prefixed_suffixed``) or end it (bit BITS + i), for words written as one. */
enum { BITS = 16 };
typedef struct {
    double weight;
    uint32_t seen;
    int32_t slot;
    int32_t length;
    uint32_t begins_ends, prefixed_suffixed;
    uint32_t unused;
} Hot;
#define LOW_BITS ((uint32_t)0xFFFF)  /* the first BITS bits */

typedef struct {
    PyObject_HEAD
    Py_buffer offsets;  /* int64, names + 1 */
    Py_buffer ids;      /* int32, the words of every name, as vocabulary numbers */
    Py_buffer weights;  /* float64, per vocabulary word */
    Vocabulary words;   /* every vocabulary word and its romanisation key */
    Word *vocab;        /* words.words */
    Py_ssize_t vocab_size;
    Rules r;            /* constants and romanisation rules */
    int have_buffers;
    int ready;          /* built without error, so the methods may run */
    Hot *hot;
    uint32_t query;  /* the last query's number (``Hot.seen``) */
} Table;

/* ---- the table ------------------------------------------------------------------ */

static void Table_dealloc(Table *self)
{
    if (self->have_buffers) {
        PyBuffer_Release(&self->offsets);
        PyBuffer_Release(&self->ids);
        PyBuffer_Release(&self->weights);
    }
    vocabulary_free(&self->words);
    rules_free(&self->r);
    PyMem_Free(self->hot);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int check_buffer(Py_buffer *view, Py_ssize_t item, const char *what)
{
    if (view->itemsize != item || view->len % item != 0) {
        PyErr_Format(PyExc_ValueError, "%s: items of %zd bytes expected", what, item);
        return -1;
    }
    return 0;
}

/* Table(words, keys, weights, offsets, ids, rules, constants) */
static int Table_init(Table *self, PyObject *args, PyObject *kwargs)
{
    PyObject *words, *keys, *rules, *constants;
    static char *keywords[] = {"words", "keys", "weights", "offsets", "ids", "rules", "constants",
                            NULL};
    if (self->have_buffers) {
        PyErr_SetString(PyExc_TypeError, "Table is built once");
        return -1;
    }
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O!O!y*y*y*O!O!", keywords, &PyList_Type,
                                     &words, &PyList_Type, &keys, &self->weights,
                                     &self->offsets, &self->ids, &PyList_Type, &rules,
                                     &PyTuple_Type, &constants))
        return -1;
    self->have_buffers = 1;
    if (check_buffer(&self->weights, 8, "weights") < 0 || check_buffer(&self->offsets, 8, "offsets") < 0
            || check_buffer(&self->ids, 4, "ids") < 0)
        return -1;
    Py_ssize_t count = PyList_GET_SIZE(words);
    if (PyList_GET_SIZE(keys) != count || self->weights.len / 8 != count) {
        PyErr_SetString(PyExc_ValueError, "words, keys and weights differ in length");
        return -1;
    }
    if (rules_init(&self->r, rules, constants) < 0)
        return -1;
    if (vocabulary_init(&self->words, words, keys) < 0)
        return -1;
    self->vocab = self->words.words;
    self->vocab_size = count;
    self->hot = PyMem_Calloc((size_t)(count + 1), sizeof(Hot));
    if (self->hot == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < count; i++) {
        self->hot[i].length = (int32_t)self->vocab[i].length;
        self->hot[i].weight = ((const double *)self->weights.buf)[i];
    }
    const int64_t *offsets = self->offsets.buf;
    Py_ssize_t names = self->offsets.len / 8 - 1, places = self->ids.len / 4;
    if (names < 0 || offsets[0] != 0 || offsets[names] != places) {
        PyErr_SetString(PyExc_ValueError, "offsets do not cover ids");
        return -1;
    }
    for (Py_ssize_t n = 0; n < names; n++)
        if (offsets[n + 1] < offsets[n]) {
            PyErr_SetString(PyExc_ValueError, "offsets must not decrease");
            return -1;
        }
    const int32_t *ids = self->ids.buf;
    for (Py_ssize_t i = 0; i < places; i++)
        if (ids[i] < 0 || ids[i] >= count) {
            PyErr_SetString(PyExc_ValueError, "a word number is outside the vocabulary");
            return -1;
        }
    self->ready = 1;
    return 0;
}

static int is_ready(const Table *self)
{
    return built_or_raise(self->ready, "Table");
}

/* ---- one query ---------------------------------------------------------------- */

typedef struct {
    Word *words;        /* the query's words */
    double *weights;
    Py_ssize_t count;
    Word *runs;         /* runs of 2..MAX_JOINED adjacent query words, written as one */
    Py_ssize_t *run_start, *run_end;
    Py_ssize_t run_count;
    ch *letters;        /* the query words' and runs' text */
    ch *keys;           /* their romanisation keys */
    Pattern *patterns;  /* each query word's, its key's and each run's (``spelling_by``) */
    double total;
} Query;

static void query_free(Query *q)
{
    PyMem_Free(q->words);
    PyMem_Free(q->weights);
    PyMem_Free(q->runs);
    PyMem_Free(q->run_start);
    PyMem_Free(q->run_end);
    PyMem_Free(q->letters);
    PyMem_Free(q->keys);
    PyMem_Free(q->patterns);
    memset(q, 0, sizeof(*q));
}

static int query_build(const Table *t, PyObject *words, PyObject *weights, Query *q,
                       Scratch *a, Scratch *b)
{
    memset(q, 0, sizeof(*q));
    if (!PyList_Check(words) || !PyList_Check(weights)
            || PyList_GET_SIZE(words) != PyList_GET_SIZE(weights)) {
        PyErr_SetString(PyExc_TypeError, "words and weights: two lists of one length expected");
        return -1;
    }
    Py_ssize_t count = PyList_GET_SIZE(words), max_joined = (Py_ssize_t)t->r.c[C_MAX_JOINED];
    Py_ssize_t letters = 0;
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *word = PyList_GET_ITEM(words, i);
        if (!PyUnicode_Check(word)) {
            PyErr_SetString(PyExc_TypeError, "words must be str");
            return -1;
        }
        letters += PyUnicode_GetLength(word);
    }
    Py_ssize_t runs = 0;
    for (Py_ssize_t size = 2; size <= max_joined; size++)
        if (count >= size)
            runs += count - size + 1;
    /* every word's text, then every run's: a word is in at most MAX_JOINED - 1 sizes
     * of run, each at most MAX_JOINED times */
    size_t room = (size_t)letters * (size_t)(1 + max_joined * max_joined);
    q->words = PyMem_Calloc((size_t)count + 1, sizeof(Word));
    q->weights = PyMem_Calloc((size_t)count + 1, sizeof(double));
    q->runs = PyMem_Calloc((size_t)runs + 1, sizeof(Word));
    q->run_start = PyMem_Calloc((size_t)runs + 1, sizeof(Py_ssize_t));
    q->run_end = PyMem_Calloc((size_t)runs + 1, sizeof(Py_ssize_t));
    q->letters = PyMem_Malloc(sizeof(ch) * (room + 1));
    if (!q->words || !q->weights || !q->runs || !q->run_start || !q->run_end || !q->letters) {
        PyErr_NoMemory();
        return -1;
    }
    q->count = count;
    ch *at = q->letters;
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *word = PyList_GET_ITEM(words, i);
        double weight = PyFloat_AsDouble(PyList_GET_ITEM(weights, i));
        if (weight == -1.0 && PyErr_Occurred())
            return -1;
        q->weights[i] = weight;
        q->total += weight;
        Word *w = &q->words[i];
        w->length = PyUnicode_GetLength(word);
        if (PyUnicode_AsUCS4(word, at, w->length + 1, 0) == NULL)
            return -1;
        w->text = at;
        at += w->length;
    }
    Py_ssize_t r = 0;
    for (Py_ssize_t size = 2; size <= max_joined; size++)
        for (Py_ssize_t start = 0; start + size <= count; start++, r++) {
            Word *w = &q->runs[r];
            w->text = at;
            for (Py_ssize_t k = start; k < start + size; k++) {
                memcpy(at, q->words[k].text, sizeof(ch) * (size_t)q->words[k].length);
                at += q->words[k].length;
            }
            w->length = at - w->text;
            q->run_start[r] = start;
            q->run_end[r] = start + size - 1;
        }
    q->run_count = runs;
    /* Keys go into a store that grows; their places are set once it stops moving. */
    Scratch store = {NULL, 0};
    size_t used = 0;
    for (Py_ssize_t i = 0; i < count + runs; i++) {
        Word *w = i < count ? &q->words[i] : &q->runs[i - count];
        w->digit = all_digits(w->text, w->length);
        w->letters = letter_set(w->text, w->length);
        w->key = NULL;
        w->key_length = 0;
        if ((double)w->length >= t->r.c[C_KEY_MIN_LENGTH]) {
            ch *key, *kept;
            if (romanisation_key(&t->r, w->text, w->length, a, b, &key, &w->key_length) < 0
                    || (kept = scratch(&store, sizeof(ch) * (used + (size_t)w->key_length + 1)))
                       == NULL) {
                scratch_free(&store);
                return -1;
            }
            memcpy(kept + used, key, sizeof(ch) * (size_t)w->key_length);
            w->key_letters = letter_set(key, w->key_length);
            w->key = (const ch *)(uintptr_t)used;  /* an offset until the store is final */
            used += (size_t)w->key_length;
        }
    }
    q->keys = store.data;
    static const ch no_key[1] = {0};
    for (Py_ssize_t i = 0; i < count + runs; i++) {
        Word *w = i < count ? &q->words[i] : &q->runs[i - count];
        w->key = w->key_length ? q->keys + (uintptr_t)w->key : no_key;
    }
    /* The query's words and runs are compared with many listed words: their patterns
     * once (a word's text and key, a run's text). */
    q->patterns = PyMem_Malloc(sizeof(Pattern) * (2 * (size_t)count + (size_t)runs + 1));
    if (q->patterns == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t r = 0; r < runs; r++) {
        Word *w = &q->runs[r];
        if (w->length <= PATTERN_MOST) {
            pattern_build(&q->patterns[2 * count + r], w->text, w->length);
            w->pattern = &q->patterns[2 * count + r];
        }
    }
    for (Py_ssize_t i = 0; i < count; i++) {
        Word *w = &q->words[i];
        Pattern *text = &q->patterns[2 * i], *key = &q->patterns[2 * i + 1];
        if (w->length <= PATTERN_MOST) {
            pattern_build(text, w->text, w->length);
            w->pattern = text;
        }
        if (w->key_length > 0 && w->key_length <= PATTERN_MOST) {
            pattern_build(key, w->key, w->key_length);
            w->key_pattern = key;
        }
    }
    return 0;
}

typedef struct {
    Scratch rows, best_query, single_query, best_listed, single_listed, listed, hot, joined,
        key_a, key_b, memo;
    Py_ssize_t memo_used;  /* listed words worked out so far for this query */
    uint32_t query;        /* this query's number, for the table's memo */
} Work;

static void work_free(Work *w)
{
    Scratch *const all[] = {&w->rows, &w->best_query, &w->single_query, &w->best_listed,
                            &w->single_listed, &w->listed, &w->hot, &w->joined, &w->key_a,
                            &w->key_b, &w->memo};
    scratch_free_each(all, sizeof(all) / sizeof(all[0]));
}

/* Listed word ``v``'s entry, its similarities and bits worked out once per query. */
static Hot *remember(Table *t, const Query *q, int32_t v, Work *work)
{
    Hot *h = &t->hot[v];
    if (h->seen == work->query)
        return h;
    size_t at = (size_t)work->memo_used * (size_t)q->count;
    double *memo = scratch(&work->memo, sizeof(double) * (at + (size_t)q->count + 1));
    if (memo == NULL)
        return NULL;
    const Word *word = &t->vocab[v];
    uint32_t begins_ends = 0, prefixed_suffixed = 0;
    for (Py_ssize_t i = 0; i < q->count; i++) {
        if (word_similarity(&t->r, &q->words[i], word, &work->rows, &memo[at + i]) < 0)
            return NULL;
        if (i < BITS) {
            uint32_t bit = (uint32_t)1 << i, high = bit << BITS;
            begins_ends |= (starts_with(&q->words[i], word) ? bit : 0)
                           | (ends_with(&q->words[i], word) ? high : 0);
            prefixed_suffixed |= (starts_with(word, &q->words[i]) ? bit : 0)
                                 | (ends_with(word, &q->words[i]) ? high : 0);
        }
    }
    h->begins_ends = begins_ends;
    h->prefixed_suffixed = prefixed_suffixed;
    h->seen = work->query;
    h->slot = (int32_t)work->memo_used++;
    return h;
}

/* Whether ``bits`` (worked out for the first BITS query words) has bit ``i``; beyond
 * that, ``fallback`` says. */
static int has_bit(uint32_t bits, Py_ssize_t i, int fallback)
{
    return i < BITS ? (int)((bits >> i) & 1) : fallback;  /* bits above BITS are ignored */
}

static int raise_to(const Table *t, const Word *a, const Word *b, Scratch *rows, double *best)
{
    double similarity;
    if (word_similarity(&t->r, a, b, rows, &similarity) < 0)
        return -1;
    if (similarity > *best)
        *best = similarity;
    return 0;
}

/* The bound of the query against listed name ``number``. */
static int bound_one(Table *t, const Query *q, Py_ssize_t number, Work *work,
                     double *out)
{
    const double *c = t->r.c;
    const int64_t *offsets = t->offsets.buf;
    const int32_t *ids = t->ids.buf;
    Py_ssize_t first = (Py_ssize_t)offsets[number];
    Py_ssize_t size = (Py_ssize_t)(offsets[number + 1] - offsets[number]);
    Py_ssize_t count = q->count, max_joined = (Py_ssize_t)c[C_MAX_JOINED];
    double *best_query = scratch(&work->best_query, sizeof(double) * (size_t)(count + 1));
    double *single_query = scratch(&work->single_query, sizeof(double) * (size_t)(count + 1));
    double *best_listed = scratch(&work->best_listed, sizeof(double) * (size_t)(size + 1));
    double *single_listed = scratch(&work->single_listed, sizeof(double) * (size_t)(size + 1));
    const Word **listed = scratch(&work->listed, sizeof(Word *) * (size_t)(size + 1));
    Hot **hot = scratch(&work->hot, sizeof(Hot *) * (size_t)(size + 1));
    if (!best_query || !single_query || !best_listed || !single_listed || !listed || !hot)
        return -1;
    for (Py_ssize_t i = 0; i < count; i++)
        best_query[i] = 0.0;
    double listed_total = 0.0;
    uint32_t any_begins = 0, any_ends = 0;
    for (Py_ssize_t j = 0; j < size; j++) {
        listed[j] = &t->vocab[ids[first + j]];
        hot[j] = remember(t, q, ids[first + j], work);
        if (hot[j] == NULL)
            return -1;
        best_listed[j] = 0.0;
        listed_total += hot[j]->weight;
        if (j + 1 < size)
            any_begins |= hot[j]->begins_ends & LOW_BITS;
        if (j > 0)
            any_ends |= hot[j]->begins_ends >> BITS;
        const double *row = (const double *)work->memo.data
                            + (size_t)hot[j]->slot * (size_t)count;
        double listed_best = 0.0;  /* maxima written without branches: they rarely repeat */
        for (Py_ssize_t i = 0; i < count; i++) {
            double value = row[i];
            best_query[i] = value > best_query[i] ? value : best_query[i];
            listed_best = value > listed_best ? value : listed_best;
        }
        best_listed[j] = listed_best;
    }
    memcpy(single_query, best_query, sizeof(double) * (size_t)count);
    memcpy(single_listed, best_listed, sizeof(double) * (size_t)size);

    /* A query word that stands for a run of listed words written as one: the run's
     * first word begins it or its last word ends it. */
    Py_ssize_t letters = 0;
    for (Py_ssize_t j = 0; j < size; j++)
        letters += hot[j]->length;
    ch *joined_text = scratch(&work->joined, sizeof(ch) * (size_t)(letters + 1));
    if (joined_text == NULL)
        return -1;
    for (Py_ssize_t i = 0; i < count; i++) {
        const Word *word = &q->words[i];
        if ((double)word->length <= c[C_SHORT_WORD] || !has_bit(any_begins | any_ends, i, 1))
            continue;
        Py_ssize_t tolerance = join_tolerance(c, word->length);
        for (Py_ssize_t start = 0; start + 1 < size; start++) {
            Py_ssize_t joined_length = hot[start]->length;
            for (Py_ssize_t end = start + 1; end < size && end < start + max_joined; end++) {
                joined_length += hot[end]->length;
                if (joined_length - word->length > tolerance)
                    break;
                if (word->length - joined_length > tolerance
                        || !(has_bit(hot[start]->begins_ends, i, starts_with(word, listed[start]))
                             || has_bit(hot[end]->begins_ends >> BITS, i,
                                        ends_with(word, listed[end]))))
                    continue;
                Py_ssize_t at = 0;
                for (Py_ssize_t k = start; k <= end; k++) {
                    memcpy(joined_text + at, listed[k]->text,
                           sizeof(ch) * (size_t)listed[k]->length);
                    at += listed[k]->length;
                }
                double similarity;
                if (spelling_by(word->text, word->length, word->pattern, joined_text, at,
                                &work->rows, c[C_JOIN_SIMILARITY], &similarity) < 0)
                    return -1;
                if (similarity < c[C_JOIN_SIMILARITY] || similarity <= single_query[i])
                    continue;
                best_query[i] = 1.0;
                for (Py_ssize_t k = start; k <= end; k++)
                    best_listed[k] = 1.0;
                Word joined = {joined_text, at, NULL, 0, all_digits(joined_text, at),
                               letter_set(joined_text, at), 0, NULL, NULL};
                if ((double)at >= c[C_KEY_MIN_LENGTH]) {
                    ch *key;
                    if (romanisation_key(&t->r, joined_text, at, &work->key_a, &work->key_b, &key,
                                         &joined.key_length) < 0)
                        return -1;
                    joined.key = key;
                    joined.key_letters = letter_set(key, joined.key_length);
                }
                for (Py_ssize_t m = 0; m < count; m++)
                    if (raise_to(t, &q->words[m], &joined, &work->rows, &best_query[m]) < 0)
                        return -1;
            }
        }
    }
    /* A listed word that stands for a run of query words written as one. */
    for (Py_ssize_t j = 0; j < size; j++) {
        const Word *word = listed[j];
        if ((double)hot[j]->length <= c[C_SHORT_WORD]
                || (count <= BITS && !hot[j]->prefixed_suffixed))
            continue;
        Py_ssize_t tolerance = join_tolerance(c, word->length);
        for (Py_ssize_t r = 0; r < q->run_count; r++) {
            const Word *run = &q->runs[r];
            Py_ssize_t start = q->run_start[r], end = q->run_end[r];
            if (run->length - word->length > tolerance || word->length - run->length > tolerance
                    || !(has_bit(hot[j]->prefixed_suffixed, start,
                                 starts_with(word, &q->words[start]))
                         || has_bit(hot[j]->prefixed_suffixed >> BITS, end,
                                    ends_with(word, &q->words[end]))))
                continue;
            double similarity;
            if (spelling_by(run->text, run->length, run->pattern, word->text, word->length,
                            &work->rows, c[C_JOIN_SIMILARITY], &similarity) < 0)
                return -1;
            if (similarity < c[C_JOIN_SIMILARITY] || similarity <= single_listed[j])
                continue;
            best_listed[j] = 1.0;
            for (Py_ssize_t k = start; k <= end; k++)
                best_query[k] = 1.0;
            for (Py_ssize_t m = 0; m < size; m++)
                if (raise_to(t, listed[m], run, &work->rows, &best_listed[m]) < 0)
                    return -1;
        }
    }
    double matched = 0.0;
    for (Py_ssize_t i = 0; i < count; i++)
        matched += q->weights[i] * best_query[i];
    int contained = listed_total >= c[C_CONTAINED_MIN_WEIGHT] - 1e-6;
    for (Py_ssize_t j = 0; j < size; j++) {
        double weight = hot[j]->weight;
        matched += weight * best_listed[j];
        if (!(best_listed[j] >= c[C_CONTAINED_SIMILARITY] || (weight <= 1e-9 && best_listed[j] > 0)))
            contained = 0;
    }
    double total = q->total + listed_total;
    double bound = total > 0 ? matched / total : 1.0;
    if (contained && bound < c[C_CONTAINED_FLOOR])
        bound = c[C_CONTAINED_FLOOR];
    *out = bound + 1e-9;  /* sums taken in another order than Python's may differ in the last place */
    return 0;
}

/* A listed name's number, read from Python and checked. */
static int name_number(PyObject *item, Py_ssize_t names, Py_ssize_t *number)
{
    *number = PyNumber_AsSsize_t(item, PyExc_OverflowError);
    if (*number == -1 && PyErr_Occurred())
        return -1;
    if (*number < 0 || *number >= names) {
        PyErr_Format(PyExc_IndexError, "no listed name %zd", *number);
        return -1;
    }
    return 0;
}

/* Ask the processor early for what bounding name ``ahead`` positions later will read:
 * its offsets, then its words' numbers, then the words' records. Candidates are
 * scattered over tables larger than the processor's nearer caches. */
static void fetch_ahead(const Table *t, const Py_ssize_t *numbers, Py_ssize_t k,
                        Py_ssize_t count)
{
#if defined(__GNUC__) || defined(__clang__)
    const int64_t *offsets = t->offsets.buf;
    const int32_t *ids = t->ids.buf;
    if (k + 12 < count)
        __builtin_prefetch(&offsets[numbers[k + 12]]);
    if (k + 6 < count)
        __builtin_prefetch(&ids[offsets[numbers[k + 6]]]);
    if (k + 3 < count) {
        int64_t first = offsets[numbers[k + 3]], last = offsets[numbers[k + 3] + 1];
        for (int64_t j = first; j < last && j < first + 4; j++) {
            __builtin_prefetch(&t->hot[ids[j]]);
            __builtin_prefetch(&t->vocab[ids[j]]);
        }
    }
#else
    (void)t, (void)numbers, (void)k, (void)count;
#endif
}

/* Shared by ``bounds`` and ``survivors``: ``floor`` < 0 asks for every bound. */
static PyObject *run(Table *self, PyObject *args, int want_survivors)
{
    if (!is_ready(self))
        return NULL;
    PyObject *words, *weights, *numbers;
    double floor = -1.0;
    if (want_survivors) {
        if (!PyArg_ParseTuple(args, "OOOd", &words, &weights, &numbers, &floor))
            return NULL;
    } else if (!PyArg_ParseTuple(args, "OOO", &words, &weights, &numbers)) {
        return NULL;
    }
    /* A tuple: Python code run below (a weight's __float__, a number's __index__) cannot
     * change it under our feet. */
    PyObject *sequence = PySequence_Tuple(numbers);
    if (sequence == NULL)
        return NULL;
    Query q;
    Work work;
    memset(&work, 0, sizeof(work));
    PyObject *found = NULL;
    Py_ssize_t names = self->offsets.len / 8 - 1, count = PyTuple_GET_SIZE(sequence);
    PyObject **items = &PyTuple_GET_ITEM(sequence, 0);
    Py_ssize_t *chosen = PyMem_Malloc(sizeof(Py_ssize_t) * (size_t)(count + 1));
    if (chosen == NULL) {
        PyErr_NoMemory();
        memset(&q, 0, sizeof(q));
        goto done;
    }
    for (Py_ssize_t k = 0; k < count; k++) {
        Py_ssize_t number;
        if (name_number(items[k], names, &number) < 0) {
            memset(&q, 0, sizeof(q));
            goto done;
        }
        chosen[k] = number;
    }
    if (query_build(self, words, weights, &q, &work.key_a, &work.key_b) < 0)
        goto done;
    if (++self->query == 0) {  /* wrapped round: start the marks afresh */
        for (Py_ssize_t v = 0; v < self->vocab_size; v++)
            self->hot[v].seen = 0;
        self->query = 1;
    }
    work.query = self->query;  /* a new number: the last query's memo no longer counts */
    found = PyList_New(0);
    if (found == NULL)
        goto done;
    for (Py_ssize_t k = 0; k < count; k++) {
        fetch_ahead(self, chosen, k, count);
        double bound;
        if (bound_one(self, &q, chosen[k], &work, &bound) < 0)
            goto fail;
        PyObject *item = NULL;
        if (!want_survivors)
            item = PyFloat_FromDouble(bound);
        else if (bound >= floor) {
            item = items[k];
            Py_INCREF(item);
        }
        if (item != NULL) {
            int failed = PyList_Append(found, item);
            Py_DECREF(item);
            if (failed < 0)
                goto fail;
        } else if (PyErr_Occurred()) {
            goto fail;
        }
    }
    goto done;
fail:
    Py_CLEAR(found);
done:
    query_free(&q);
    work_free(&work);
    PyMem_Free(chosen);
    Py_DECREF(sequence);
    return found;
}

static PyObject *Table_bounds(Table *self, PyObject *args)
{
    return run(self, args, 0);
}

static PyObject *Table_survivors(Table *self, PyObject *args)
{
    return run(self, args, 1);
}

/* For tests: number the next queries from ``n`` (to reach the wrap of the counter). */
static PyObject *Table_number_queries_from(Table *self, PyObject *arg)
{
    return number_queries_from(&self->query, arg);
}

static PyMethodDef Table_methods[] = {
    {"bounds", (PyCFunction)Table_bounds, METH_VARARGS,
     "bounds(words, weights, numbers) -> the score bound of each listed name"},
    {"survivors", (PyCFunction)Table_survivors, METH_VARARGS,
     "survivors(words, weights, numbers, floor) -> the numbers whose bound reaches floor"},
    {"_number_queries_from", (PyCFunction)Table_number_queries_from, METH_O,
     "_number_queries_from(n): the next query is numbered n + 1 (for tests)"},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject TableType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "sanctionscreen.matching._cbound.Table",
    .tp_doc = "Every listed name's words, to bound many names against one query.",
    .tp_basicsize = sizeof(Table),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Table_init,
    .tp_dealloc = (destructor)Table_dealloc,
    .tp_methods = Table_methods,
};

static PyObject *module_word_similarity(PyObject *module, PyObject *args)
{
    Table *table;
    PyObject *a, *b;
    (void)module;
    if (!PyArg_ParseTuple(args, "O!UU", &TableType, &table, &a, &b))
        return NULL;
    if (!is_ready(table))
        return NULL;
    PyObject *words = Py_BuildValue("[OO]", a, b), *weights = Py_BuildValue("[dd]", 0.0, 0.0);
    PyObject *result = NULL;
    Query q;
    Work work;
    memset(&q, 0, sizeof(q));
    memset(&work, 0, sizeof(work));
    if (words != NULL && weights != NULL
            && query_build(table, words, weights, &q, &work.key_a, &work.key_b) == 0) {
        double similarity;
        if (word_similarity(&table->r, &q.words[0], &q.words[1], &work.rows, &similarity) == 0)
            result = PyFloat_FromDouble(similarity);
    }
    query_free(&q);
    work_free(&work);
    Py_XDECREF(words);
    Py_XDECREF(weights);
    return result;
}

/* edit_distances(a, b): the edit distance with adjacent transpositions, by rows and (when
 * ``a`` has at most PATTERN_MOST letters) by bits, else None (for tests). */
static PyObject *module_edit_distances(PyObject *module, PyObject *args)
{
    PyObject *a_text, *b_text, *result = NULL;
    (void)module;
    if (!PyArg_ParseTuple(args, "UU", &a_text, &b_text))
        return NULL;
    Py_ssize_t la = PyUnicode_GetLength(a_text), lb = PyUnicode_GetLength(b_text);
    ch *a = PyUnicode_AsUCS4Copy(a_text), *b = PyUnicode_AsUCS4Copy(b_text);
    Py_ssize_t *rows = PyMem_Malloc(sizeof(Py_ssize_t) * 3 * (size_t)(lb + 1));
    Pattern *pattern = PyMem_Malloc(sizeof(Pattern));
    if (a == NULL || b == NULL || rows == NULL || pattern == NULL) {
        if (!PyErr_Occurred())
            PyErr_NoMemory();
        goto done;
    }
    Py_ssize_t by_rows = osa_distance(a, la, b, lb, rows, (double)(la + lb + 1));
    if (la <= PATTERN_MOST) {
        pattern_build(pattern, a, la);
        result = Py_BuildValue("(nn)", by_rows, osa_bits(pattern, b, lb));
    } else {
        result = Py_BuildValue("(nO)", by_rows, Py_None);
    }
done:
    PyMem_Free(a);
    PyMem_Free(b);
    PyMem_Free(rows);
    PyMem_Free(pattern);
    return result;
}

static PyMethodDef module_methods[] = {
    {"word_similarity", module_word_similarity, METH_VARARGS,
     "word_similarity(table, a, b) -> the table's word similarity of two words (for tests)"},
    {"edit_distances", module_edit_distances, METH_VARARGS,
     "edit_distances(a, b) -> the edit distance with adjacent transpositions by rows, and "
     "by bits (None when a is longer than 64 letters) (for tests)"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_cbound", "Score bounds in C (see bound.py).", -1, module_methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__cbound(void)
{
    PyTypeObject *const types[] = {&TableType};
    return module_with_types(&module, types, 1);
}
