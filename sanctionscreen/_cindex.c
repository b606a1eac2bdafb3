/* The candidate index's word lookups, in C: which listed words meet a query word.
 *
 * The same words as ``CandidateIndex._near_words`` followed by its similarity
 * check (the plain-Python reference, which tests compare this with):
 *
 * - a listed word meets a query word when they share a key: the word itself, or
 *   the word with one letter deleted (two for words of ``two_deletions`` letters
 *   or more, unless the index is lean), or the romanisation key or the key with
 *   one letter deleted; words of ``SHORT_WORD`` letters or fewer, and numbers,
 *   meet only themselves;
 * - and then only when their word similarity reaches the listed word's threshold.
 *
 * It also finds words written as one (``CandidateIndex._runs_near`` and
 * ``_names_for_run``): the listed runs of adjacent words that a query word could
 * stand for, and the listed words that adjacent query words written as one could
 * stand for; either way the first word of the run begins the single word or its last
 * word ends it, the lengths are close, and the spelling is ``JOIN_SIMILARITY`` alike.
 *
 * Keys are kept as 64-bit hashes of their letters, sorted, each with the listed
 * words it comes from. A hash shared by chance is no meeting: every word found
 * through a hash is checked to have the key (the key is the word, or the word with
 * letters deleted), so the words found are exactly the reference's.
 *
 * Optional: when this module is not built, ``index.py`` does the same in Python.
 */
#include "matching/_cwords.h"

/* ---- keys -------------------------------------------------------------------- */

static uint64_t key_hash(const ch *text, Py_ssize_t length)
{
    uint64_t h = 0xcbf29ce484222325ULL ^ (uint64_t)length;
    for (Py_ssize_t i = 0; i < length; i++) {
        h ^= text[i];
        h *= 0x100000001b3ULL;
    }
    h ^= h >> 31;  /* spread the last letters into the high bits */
    h *= 0x9e3779b97f4a7c15ULL;
    return h ^ (h >> 29);
}

typedef struct {
    uint64_t hash;
    int32_t word;
} Entry;

typedef struct {
    Entry *items;
    size_t count, capacity;
} Entries;

static int entries_add(Entries *e, uint64_t hash, int32_t word)
{
    if (e->count == e->capacity) {
        size_t want = e->capacity ? e->capacity * 2 : 4096;
        Entry *grown = PyMem_Realloc(e->items, want * sizeof(Entry));
        if (grown == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        e->items = grown;
        e->capacity = want;
    }
    e->items[e->count].hash = hash;
    e->items[e->count].word = word;
    e->count++;
    return 0;
}

/* ``text`` with the letters at ``skip`` and ``skip2`` left out (-1: none). */
static Py_ssize_t without(const ch *text, Py_ssize_t length, Py_ssize_t skip, Py_ssize_t skip2,
                          ch *out)
{
    Py_ssize_t kept = 0;
    for (Py_ssize_t i = 0; i < length; i++)
        if (i != skip && i != skip2)
            out[kept++] = text[i];
    return kept;
}

/* Every key of ``text`` with one to ``depth`` letters deleted, hashed, to ``e``. */
static int add_deletions(Entries *e, const ch *text, Py_ssize_t length, int depth, int32_t word,
                         ch *buffer)
{
    for (Py_ssize_t i = 0; i < length; i++) {
        if (entries_add(e, key_hash(buffer, without(text, length, i, -1, buffer)), word) < 0)
            return -1;
        if (depth >= 2)
            for (Py_ssize_t j = i + 1; j < length; j++)
                if (entries_add(e, key_hash(buffer, without(text, length, i, j, buffer)),
                                word) < 0)
                    return -1;
    }
    return 0;
}

static int entry_order(const void *a, const void *b)
{
    const Entry *x = a, *y = b;
    if (x->hash != y->hash)
        return x->hash < y->hash ? -1 : 1;
    return (x->word > y->word) - (x->word < y->word);
}

/* Sorted distinct hashes, each with the listed words (``words[starts[k]..starts[k+1]]``);
 * ``buckets[b]`` is where the hashes whose top ``bits`` bits are ``b`` begin, so that a
 * lookup reads about one bucket rather than searching the whole array. */
typedef struct {
    uint64_t *hashes;
    int32_t *starts;
    int32_t *words;
    Py_ssize_t count;
    int32_t *buckets;
    int bits;
} Keys;

static int keys_build(Keys *keys, Entries *e)
{
    if (e->count > 1)
        qsort(e->items, e->count, sizeof(Entry), entry_order);
    size_t distinct = 0, kept = 0;
    for (size_t i = 0; i < e->count; i++) {
        if (i > 0 && e->items[i].hash == e->items[i - 1].hash
                && e->items[i].word == e->items[i - 1].word)
            continue;  /* a key a word has twice ("aab" less one "a") */
        if (kept == 0 || e->items[i].hash != e->items[kept - 1].hash)
            distinct++;
        e->items[kept++] = e->items[i];
    }
    if (kept > INT32_MAX) {
        PyErr_SetString(PyExc_OverflowError, "too many index keys");
        return -1;
    }
    keys->hashes = PyMem_Malloc(sizeof(uint64_t) * (distinct + 1));
    keys->starts = PyMem_Malloc(sizeof(int32_t) * (distinct + 1));
    keys->words = PyMem_Malloc(sizeof(int32_t) * (kept + 1));
    if (keys->hashes == NULL || keys->starts == NULL || keys->words == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t k = -1;
    for (size_t i = 0; i < kept; i++) {
        if (i == 0 || e->items[i].hash != e->items[i - 1].hash) {
            k++;
            keys->hashes[k] = e->items[i].hash;
            keys->starts[k] = (int32_t)i;
        }
        keys->words[i] = e->items[i].word;
    }
    keys->count = (Py_ssize_t)distinct;
    keys->starts[distinct] = (int32_t)kept;
    keys->bits = 1;
    while (keys->bits < 30 && ((size_t)1 << keys->bits) < distinct)
        keys->bits++;
    size_t buckets = (size_t)1 << keys->bits;
    keys->buckets = PyMem_Malloc(sizeof(int32_t) * (buckets + 1));
    if (keys->buckets == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    size_t at = 0;
    for (size_t b = 0; b <= buckets; b++) {
        while (at < distinct && (keys->hashes[at] >> (64 - keys->bits)) < b)
            at++;
        keys->buckets[b] = (int32_t)at;
    }
    return 0;
}

static void keys_free(Keys *keys)
{
    PyMem_Free(keys->hashes);
    PyMem_Free(keys->starts);
    PyMem_Free(keys->words);
    PyMem_Free(keys->buckets);
    memset(keys, 0, sizeof(*keys));
}

/* The listed words under ``hash``: ``*first`` to ``*last`` in ``keys->words``. */
static void keys_find(const Keys *keys, uint64_t hash, int32_t *first, int32_t *last)
{
    *first = *last = 0;
    if (keys->buckets == NULL)
        return;
    size_t b = (size_t)(hash >> (64 - keys->bits));
    for (int32_t k = keys->buckets[b]; k < keys->buckets[b + 1]; k++)
        if (keys->hashes[k] == hash) {
            *first = keys->starts[k];
            *last = keys->starts[k + 1];
            return;
        }
}

/* Whether ``part`` is ``whole`` with one to ``most`` letters deleted. */
static int deleted_from(const ch *part, Py_ssize_t part_length, const ch *whole,
                        Py_ssize_t whole_length, Py_ssize_t most)
{
    Py_ssize_t gap = whole_length - part_length;
    if (gap < 1 || gap > most)
        return 0;
    Py_ssize_t i = 0;
    for (Py_ssize_t j = 0; j < whole_length && i < part_length; j++)
        if (whole[j] == part[i])
            i++;
    return i == part_length;
}

/* ---- the finder ------------------------------------------------------------------ */

typedef struct {
    const ch *text;
    Py_ssize_t length;
    int32_t id;
    uint64_t letters;  /* which letters occur, to skip spellings that cannot be alike */
} Text;

typedef struct {
    int32_t run;
    Py_ssize_t first_length, last_length, length;  /* length: the run's, written as one */
} End;

static int end_order(const void *a, const void *b)
{
    const End *x = a, *y = b;
    if (x->length != y->length)
        return x->length < y->length ? -1 : 1;
    return (x->run > y->run) - (x->run < y->run);
}

typedef struct {
    PyObject_HEAD
    Rules r;
    Vocabulary words;
    Word *vocab;     /* words.words */
    Py_ssize_t vocab_size;
    double *thresholds;
    Py_ssize_t two_deletions, min_keyed;
    int lean, built, ready;  /* ready: built without error, so the methods may run */
    Keys spelled;    /* every word, and its deletion keys (longer words that are not numbers) */
    Keys romanised;  /* romanisation keys and their one-deletion forms */
    int64_t *seen;   /* ``seen[w] == query``: word w was looked at for this query */
    int64_t query;
    /* Runs of listed words written as one: ``ends`` are (run, first word's length, last
     * word's length), found by the hash of their first or last word. */
    Text *runs;
    Py_ssize_t run_count;
    End *ends;
    Py_ssize_t end_count;
    Keys by_first, by_last;
    int64_t *run_seen;
    /* Words that adjacent query words written as one may stand for, sorted forwards
     * and by their reversed letters, to find those that begin (end) with a word. */
    Text *whole, *reversed;
    Py_ssize_t whole_count;
    int64_t *whole_seen;
    ch *run_letters, *whole_letters, *reversed_letters;
} Finder;

static void Finder_dealloc(Finder *self)
{
    rules_free(&self->r);
    vocabulary_free(&self->words);
    PyMem_Free(self->thresholds);
    keys_free(&self->spelled);
    keys_free(&self->romanised);
    PyMem_Free(self->seen);
    PyMem_Free(self->runs);
    PyMem_Free(self->ends);
    keys_free(&self->by_first);
    keys_free(&self->by_last);
    PyMem_Free(self->run_seen);
    PyMem_Free(self->whole);
    PyMem_Free(self->reversed);
    PyMem_Free(self->whole_seen);
    PyMem_Free(self->run_letters);
    PyMem_Free(self->whole_letters);
    PyMem_Free(self->reversed_letters);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* Whether listed word ``w`` has deletion and romanisation keys at all. */
static int keyed(const Finder *f, const Word *w)
{
    return (double)w->length > f->r.c[C_SHORT_WORD] && !w->digit;
}

static int depth_of(const Finder *f, Py_ssize_t length)
{
    return length >= f->two_deletions && !f->lean ? 2 : 1;
}

static int copy_words(Finder *self, PyObject *words, PyObject *keys)
{
    if (vocabulary_init(&self->words, words, keys) < 0)
        return -1;
    self->vocab = self->words.words;
    self->vocab_size = self->words.count;
    self->seen = PyMem_Calloc((size_t)self->vocab_size + 1, sizeof(int64_t));
    if (self->seen == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    return 0;
}

static int build_keys(Finder *self)
{
    Py_ssize_t longest = 0;
    for (Py_ssize_t i = 0; i < self->vocab_size; i++) {
        if (self->vocab[i].length > longest)
            longest = self->vocab[i].length;
        if (self->vocab[i].key_length > longest)
            longest = self->vocab[i].key_length;
    }
    ch *buffer = PyMem_Malloc(sizeof(ch) * (size_t)(longest + 1));
    Entries spelled = {NULL, 0, 0}, romanised = {NULL, 0, 0};
    int result = -1;
    if (buffer == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < self->vocab_size; i++) {
        const Word *w = &self->vocab[i];
        int32_t number = (int32_t)i;
        if (entries_add(&spelled, key_hash(w->text, w->length), number) < 0)
            goto done;
        if (!keyed(self, w))
            continue;
        if (add_deletions(&spelled, w->text, w->length, depth_of(self, w->length), number,
                          buffer) < 0)
            goto done;
        if (w->length >= self->min_keyed
                && (entries_add(&romanised, key_hash(w->key, w->key_length), number) < 0
                    || add_deletions(&romanised, w->key, w->key_length, 1, number, buffer) < 0))
            goto done;
    }
    if (keys_build(&self->spelled, &spelled) < 0 || keys_build(&self->romanised, &romanised) < 0)
        goto done;
    result = 0;
done:
    PyMem_Free(buffer);
    PyMem_Free(spelled.items);
    PyMem_Free(romanised.items);
    return result;
}

/* Texts of a list of str, one after another in ``*letters`` (freed by the caller). */
static Text *texts(PyObject *list, ch **letters, int reverse)
{
    Py_ssize_t count = PyList_GET_SIZE(list), total = 0;
    for (Py_ssize_t i = 0; i < count; i++) {
        if (!PyUnicode_Check(PyList_GET_ITEM(list, i))) {
            PyErr_SetString(PyExc_TypeError, "runs and whole words must be str");
            return NULL;
        }
        total += PyUnicode_GetLength(PyList_GET_ITEM(list, i));
    }
    Text *found = PyMem_Calloc((size_t)count + 1, sizeof(Text));
    *letters = PyMem_Malloc(sizeof(ch) * (size_t)(total + 1));
    if (found == NULL || *letters == NULL) {
        PyMem_Free(found);
        PyErr_NoMemory();
        return NULL;
    }
    Py_ssize_t at = 0;
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *item = PyList_GET_ITEM(list, i);
        Py_ssize_t length = PyUnicode_GetLength(item);
        if (PyUnicode_AsUCS4(item, *letters + at, total + 1 - at, 0) == NULL) {
            PyMem_Free(found);
            return NULL;
        }
        if (reverse)
            for (Py_ssize_t a = at, b = at + length - 1; a < b; a++, b--) {
                ch spare = (*letters)[a];
                (*letters)[a] = (*letters)[b];
                (*letters)[b] = spare;
            }
        found[i].text = *letters + at;
        found[i].length = length;
        found[i].id = (int32_t)i;
        found[i].letters = letter_set(found[i].text, length);
        at += length;
    }
    return found;
}

static int text_order(const void *a, const void *b)
{
    const Text *x = a, *y = b;
    Py_ssize_t shorter = x->length < y->length ? x->length : y->length;
    for (Py_ssize_t i = 0; i < shorter; i++)
        if (x->text[i] != y->text[i])
            return x->text[i] < y->text[i] ? -1 : 1;
    if (x->length != y->length)
        return x->length < y->length ? -1 : 1;
    return (x->id > y->id) - (x->id < y->id);
}

/* The runs, their ends, and the whole words (sorted forwards and backwards). */
static int build_runs(Finder *self, PyObject *runs, PyObject *ends, PyObject *whole)
{
    self->run_count = PyList_GET_SIZE(runs);
    self->runs = texts(runs, &self->run_letters, 0);
    if (self->runs == NULL)
        return -1;
    self->end_count = PyList_GET_SIZE(ends);
    self->ends = PyMem_Calloc((size_t)self->end_count + 1, sizeof(End));
    self->run_seen = PyMem_Calloc((size_t)self->run_count + 1, sizeof(int64_t));
    if (self->ends == NULL || self->run_seen == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    Entries firsts = {NULL, 0, 0}, lasts = {NULL, 0, 0};
    int result = -1;
    for (Py_ssize_t i = 0; i < self->end_count; i++) {
        End *end = &self->ends[i];
        Py_ssize_t run;
        if (!PyArg_ParseTuple(PyList_GET_ITEM(ends, i), "nnn", &run, &end->first_length,
                              &end->last_length))
            goto done;
        if (run < 0 || run >= self->run_count || end->first_length < 0 || end->last_length < 0
                || end->first_length > self->runs[run].length
                || end->last_length > self->runs[run].length) {
            PyErr_SetString(PyExc_ValueError, "an end does not fit its run");
            goto done;
        }
        end->run = (int32_t)run;
        end->length = self->runs[run].length;
    }
    /* Numbered by length, the ends under one key are in order of length: a lookup
     * searches for the lengths that fit instead of reading every run of a common word. */
    if (self->end_count > 1)
        qsort(self->ends, (size_t)self->end_count, sizeof(End), end_order);
    for (Py_ssize_t i = 0; i < self->end_count; i++) {
        const End *end = &self->ends[i];
        const Text *text = &self->runs[end->run];
        if (entries_add(&firsts, key_hash(text->text, end->first_length), (int32_t)i) < 0
                || entries_add(&lasts, key_hash(text->text + text->length - end->last_length,
                                                end->last_length), (int32_t)i) < 0)
            goto done;
    }
    if (keys_build(&self->by_first, &firsts) < 0 || keys_build(&self->by_last, &lasts) < 0)
        goto done;
    self->whole_count = PyList_GET_SIZE(whole);
    self->whole = texts(whole, &self->whole_letters, 0);
    if (self->whole == NULL)
        goto done;
    self->reversed = texts(whole, &self->reversed_letters, 1);
    self->whole_seen = PyMem_Calloc((size_t)self->whole_count + 1, sizeof(int64_t));
    if (self->reversed == NULL || self->whole_seen == NULL) {
        if (self->whole_seen == NULL)
            PyErr_NoMemory();
        goto done;
    }
    if (self->whole_count > 1) {
        qsort(self->whole, (size_t)self->whole_count, sizeof(Text), text_order);
        qsort(self->reversed, (size_t)self->whole_count, sizeof(Text), text_order);
    }
    result = 0;
done:
    PyMem_Free(firsts.items);
    PyMem_Free(lasts.items);
    return result;
}

/* Finder(words, keys, thresholds, rules, constants, two_deletions, min_keyed, lean,
 *        runs, ends, whole) */
static int Finder_init(Finder *self, PyObject *args, PyObject *kwargs)
{
    PyObject *words, *keys, *thresholds, *rules, *constants, *runs, *ends, *whole;
    Py_ssize_t two_deletions, min_keyed;
    int lean;
    static char *keywords[] = {"words", "keys", "thresholds", "rules", "constants",
                               "two_deletions", "min_keyed", "lean", "runs", "ends", "whole",
                               NULL};
    if (self->built) {
        PyErr_SetString(PyExc_TypeError, "Finder is built once");
        return -1;
    }
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O!O!O!O!O!nnpO!O!O!", keywords,
                                     &PyList_Type, &words, &PyList_Type, &keys, &PyList_Type,
                                     &thresholds, &PyList_Type, &rules, &PyTuple_Type,
                                     &constants, &two_deletions, &min_keyed, &lean,
                                     &PyList_Type, &runs, &PyList_Type, &ends, &PyList_Type,
                                     &whole))
        return -1;
    self->built = 1;
    self->two_deletions = two_deletions;
    self->min_keyed = min_keyed;
    self->lean = lean;
    if (rules_init(&self->r, rules, constants) < 0 || copy_words(self, words, keys) < 0)
        return -1;
    self->r.exact = 1;  /* similarities rounded as Python rounds them: the same words found */
    if (PyList_GET_SIZE(thresholds) != self->vocab_size) {
        PyErr_SetString(PyExc_ValueError, "words and thresholds differ in length");
        return -1;
    }
    self->thresholds = PyMem_Malloc(sizeof(double) * (size_t)(self->vocab_size + 1));
    if (self->thresholds == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < self->vocab_size; i++) {
        self->thresholds[i] = PyFloat_AsDouble(PyList_GET_ITEM(thresholds, i));
        if (self->thresholds[i] == -1.0 && PyErr_Occurred())
            return -1;
    }
    if (build_keys(self) < 0 || build_runs(self, runs, ends, whole) < 0)
        return -1;
    self->ready = 1;
    return 0;
}

static int is_ready(const Finder *self)
{
    return built_or_raise(self->ready, "Finder");
}

/* ---- one query word ---------------------------------------------------------------- */

typedef struct {
    Finder *f;
    Word word;           /* the query word */
    PyObject *found;     /* list of the listed words' numbers that meet it */
    Scratch rows;
    int64_t query;
} Lookup;

/* Look at listed word ``v`` once: keep it when the similarity reaches its threshold. */
static int consider(Lookup *l, int32_t v)
{
    Finder *f = l->f;
    if (f->seen[v] == l->query)
        return 0;
    f->seen[v] = l->query;
    double similarity;
    if (word_similarity(&f->r, &l->word, &f->vocab[v], &l->rows, &similarity) < 0)
        return -1;
    if (similarity < f->thresholds[v])
        return 0;
    PyObject *number = PyLong_FromLong(v);
    if (number == NULL)
        return -1;
    int failed = PyList_Append(l->found, number);
    Py_DECREF(number);
    return failed;
}

/* Whether listed word ``w`` has ``key``: as a spelling key (the word, or the word with
 * letters deleted) or as a romanisation key (the key, or the key less a letter). */
static int has_key(const Finder *f, const Word *w, const ch *key, Py_ssize_t length,
                   int romanised)
{
    if (romanised)
        return keyed(f, w) && w->length >= f->min_keyed
            && (same(key, length, w->key, w->key_length)
                || deleted_from(key, length, w->key, w->key_length, 1));
    return same(key, length, w->text, w->length)
        || (keyed(f, w) && deleted_from(key, length, w->text, w->length,
                                        depth_of(f, w->length)));
}

/* Consider the listed words that have ``key`` (see ``has_key``), its hash ``hash``. */
static int by_key(Lookup *l, const ch *key, Py_ssize_t length, uint64_t hash, int romanised)
{
    const Keys *keys = romanised ? &l->f->romanised : &l->f->spelled;
    int32_t first, last;
    keys_find(keys, hash, &first, &last);
    for (int32_t k = first; k < last; k++) {
        int32_t v = keys->words[k];
        if (l->f->seen[v] == l->query)
            continue;  /* considered already (through another key): nothing to check */
        if (has_key(l->f, &l->f->vocab[v], key, length, romanised) && consider(l, v) < 0)
            return -1;
    }
    return 0;
}

/* A key of the query word: the letters left out (-1: none), and the key's hash. */
typedef struct {
    Py_ssize_t skip, skip2;
    uint64_t hash;
} Variant;

#define BATCH 32  /* keys looked up together: their table reads overlap */

/* Look up a batch of keys: first ask for their buckets, then for the hashes the buckets
 * point to, and only then read them, so the processor fetches them side by side. */
static int by_keys(Lookup *l, const ch *text, Py_ssize_t length, const Variant *batch,
                   int count, ch *buffer, int romanised)
{
    const Keys *keys = romanised ? &l->f->romanised : &l->f->spelled;
    if (keys->buckets == NULL)
        return 0;
    size_t shift = (size_t)(64 - keys->bits);
#if defined(__GNUC__) || defined(__clang__)
    for (int k = 0; k < count; k++)
        __builtin_prefetch(&keys->buckets[batch[k].hash >> shift]);
    for (int k = 0; k < count; k++)
        __builtin_prefetch(&keys->hashes[keys->buckets[batch[k].hash >> shift]]);
#endif
    for (int k = 0; k < count; k++) {
        Py_ssize_t size = without(text, length, batch[k].skip, batch[k].skip2, buffer);
        if (by_key(l, buffer, size, batch[k].hash, romanised) < 0)
            return -1;
    }
    return 0;
}

/* ``by_key`` for ``text`` and for every key of it with one to ``depth`` letters deleted. */
static int each_key(Lookup *l, const ch *text, Py_ssize_t length, int depth, ch *buffer,
                    int romanised)
{
    Variant batch[BATCH];
    int count = 0;
    for (Py_ssize_t i = -1; i < length; i++) {  /* i: the first letter left out, or none */
        Py_ssize_t last = depth >= 2 && i >= 0 ? length - 1 : i;
        for (Py_ssize_t j = i; j <= last; j++) {  /* j: the second, when j > i */
            Py_ssize_t skip2 = j == i ? -1 : j;
            Py_ssize_t size = without(text, length, i, skip2, buffer);
            batch[count].skip = i;
            batch[count].skip2 = skip2;
            batch[count].hash = key_hash(buffer, size);
            if (++count == BATCH) {
                if (by_keys(l, text, length, batch, count, buffer, romanised) < 0)
                    return -1;
                count = 0;
            }
        }
    }
    return by_keys(l, text, length, batch, count, buffer, romanised);
}

static PyObject *Finder_near(Finder *self, PyObject *arg)
{
    if (!is_ready(self))
        return NULL;
    if (!PyUnicode_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "near(word): word must be str");
        return NULL;
    }
    Lookup l;
    memset(&l, 0, sizeof(l));
    l.f = self;
    l.query = ++self->query;  /* a new number: words seen for earlier queries count again */
    Scratch key_a = {NULL, 0}, key_b = {NULL, 0};
    Py_ssize_t length = PyUnicode_GetLength(arg);
    ch *text = PyUnicode_AsUCS4Copy(arg);
    ch *buffer = PyMem_Malloc(sizeof(ch) * (size_t)(length + 1));
    PyObject *result = NULL;
    if (text == NULL || buffer == NULL) {
        if (text != NULL)
            PyErr_NoMemory();
        goto done;
    }
    Word *w = &l.word;
    w->text = text;
    w->length = length;
    w->digit = all_digits(text, length);
    w->letters = letter_set(text, length);
    ch *key;  /* the similarity reads it only for words long enough to have one */
    if (romanisation_key(&self->r, text, length, &key_a, &key_b, &key, &w->key_length) < 0)
        goto done;
    w->key = key;
    w->key_letters = letter_set(key, w->key_length);
    Pattern patterns[2];  /* the word is compared with many listed words: its patterns once */
    if (length <= PATTERN_MOST) {
        pattern_build(&patterns[0], text, length);
        w->pattern = &patterns[0];
    }
    if (w->key_length > 0 && w->key_length <= PATTERN_MOST) {
        pattern_build(&patterns[1], key, w->key_length);
        w->key_pattern = &patterns[1];
    }
    l.found = PyList_New(0);
    if (l.found == NULL)
        goto done;
    if ((double)length <= self->r.c[C_SHORT_WORD] || w->digit) {
        int32_t first, last;  /* short words and numbers meet only themselves */
        keys_find(&self->spelled, key_hash(text, length), &first, &last);
        for (int32_t k = first; k < last; k++) {
            int32_t v = self->spelled.words[k];
            if (same(text, length, self->vocab[v].text, self->vocab[v].length)
                    && consider(&l, v) < 0)
                goto done;
        }
    } else {
        if (each_key(&l, text, length, depth_of(self, length), buffer, 0) < 0)
            goto done;
        if (length >= self->min_keyed) {
            ch *key_buffer = PyMem_Realloc(buffer, sizeof(ch) * (size_t)(w->key_length + 1));
            if (key_buffer == NULL) {
                PyErr_NoMemory();
                goto done;
            }
            buffer = key_buffer;
            if (each_key(&l, w->key, w->key_length, 1, buffer, 1) < 0)
                goto done;
        }
    }
    result = l.found;
    l.found = NULL;
done:
    Py_XDECREF(l.found);
    scratch_free(&l.rows);
    scratch_free(&key_a);
    scratch_free(&key_b);
    PyMem_Free(text);
    PyMem_Free(buffer);
    return result;
}

/* ---- words written as one ------------------------------------------------------ */

static int append_number(PyObject *list, Py_ssize_t number)
{
    PyObject *item = PyLong_FromSsize_t(number);
    if (item == NULL)
        return -1;
    int failed = PyList_Append(list, item);
    Py_DECREF(item);
    return failed;
}

/* Whether ``a`` and ``b`` (with their letter sets) are spelled ``JOIN_SIMILARITY`` alike
 * (``index._alike``). */
static int alike(const Finder *f, const ch *a, Py_ssize_t la, uint64_t sa, const ch *b,
                 Py_ssize_t lb, uint64_t sb, Scratch *rows, int *out)
{
    double least = f->r.c[C_JOIN_SIMILARITY] - 1e-9, similarity = 0.0;
    if (may_reach(la, lb, sa, sb, least) && spelling(a, la, b, lb, rows, least, &similarity) < 0)
        return -1;
    *out = similarity >= least;
    return 0;
}

/* Whether run end ``e``'s letters let it be alike a word of ``length`` letters
 * ``letters`` (``alike`` would say no otherwise): checked before its text is read. */
static int may_be_alike(const Finder *f, int32_t e, Py_ssize_t length, uint64_t letters)
{
    const Text *text = &f->runs[f->ends[e].run];
    return may_reach(length, text->length, letters, text->letters,
                     f->r.c[C_JOIN_SIMILARITY] - 1e-9);
}

/* Look at run end ``e`` once per query: keep its run when it is alike ``word``. */
static int consider_end(Finder *f, int32_t e, const ch *word, Py_ssize_t length,
                        uint64_t letters, Py_ssize_t tolerance, Scratch *rows, PyObject *found)
{
    int32_t run = f->ends[e].run;
    const Text *text = &f->runs[run];
    if (f->run_seen[run] == f->query || text->length < length - tolerance
            || text->length > length + tolerance)
        return 0;
    f->run_seen[run] = f->query;
    int yes;
    if (alike(f, word, length, letters, text->text, text->length, text->letters, rows,
              &yes) < 0)
        return -1;
    return yes ? append_number(found, run) : 0;
}

/* The first of the ends ``keys->words[first..last]`` (in order of length) at least
 * ``shortest`` letters long. */
static int32_t shortest_fitting(const Finder *f, const Keys *keys, int32_t first, int32_t last,
                                Py_ssize_t shortest)
{
    while (first < last) {
        int32_t middle = first + (last - first) / 2;
        if (f->ends[keys->words[middle]].length < shortest)
            first = middle + 1;
        else
            last = middle;
    }
    return first;
}

/* runs_near(word): the listed runs ``word`` could stand for (``CandidateIndex._runs_near``). */
static PyObject *Finder_runs_near(Finder *self, PyObject *arg)
{
    if (!is_ready(self))
        return NULL;
    if (!PyUnicode_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "runs_near(word): word must be str");
        return NULL;
    }
    Py_ssize_t length = PyUnicode_GetLength(arg);
    ch *word = PyUnicode_AsUCS4Copy(arg);
    PyObject *found = PyList_New(0);
    Scratch rows = {NULL, 0};
    if (word == NULL || found == NULL)
        goto fail;
    self->query++;
    Py_ssize_t tolerance = join_tolerance(self->r.c, length);
    uint64_t letters = letter_set(word, length);
    for (Py_ssize_t cut = 1; cut < length; cut++) {
        int32_t first, last;
        keys_find(&self->by_first, key_hash(word, cut), &first, &last);
        first = shortest_fitting(self, &self->by_first, first, last, length - tolerance);
        for (int32_t k = first; k < last
                && self->ends[self->by_first.words[k]].length <= length + tolerance; k++) {
            int32_t e = self->by_first.words[k];
            if (self->ends[e].first_length == cut && may_be_alike(self, e, length, letters)
                    && memcmp(self->runs[self->ends[e].run].text, word, sizeof(ch) * (size_t)cut)
                       == 0
                    && consider_end(self, e, word, length, letters, tolerance, &rows, found) < 0)
                goto fail;
        }
        Py_ssize_t rest = length - cut;
        keys_find(&self->by_last, key_hash(word + cut, rest), &first, &last);
        first = shortest_fitting(self, &self->by_last, first, last, length - tolerance);
        for (int32_t k = first; k < last
                && self->ends[self->by_last.words[k]].length <= length + tolerance; k++) {
            int32_t e = self->by_last.words[k];
            const Text *text = &self->runs[self->ends[e].run];
            if (self->ends[e].last_length == rest && may_be_alike(self, e, length, letters)
                    && memcmp(text->text + text->length - rest, word + cut,
                              sizeof(ch) * (size_t)rest) == 0
                    && consider_end(self, e, word, length, letters, tolerance, &rows, found) < 0)
                goto fail;
        }
    }
    PyMem_Free(word);
    scratch_free(&rows);
    return found;
fail:
    PyMem_Free(word);
    scratch_free(&rows);
    Py_XDECREF(found);
    return NULL;
}

/* Where the texts of sorted ``texts`` that begin with ``piece`` start. */
static Py_ssize_t first_beginning(const Text *texts, Py_ssize_t count, const ch *piece,
                                  Py_ssize_t length)
{
    Text key = {piece, length, -1, 0};  /* sorts before any equal text */
    Py_ssize_t low = 0, high = count;
    while (low < high) {
        Py_ssize_t middle = low + (high - low) / 2;
        if (text_order(&texts[middle], &key) < 0)
            low = middle + 1;
        else
            high = middle;
    }
    return low;
}

/* Whether a listed word of ``length`` letters may stand for ``size`` letters written as one
 * (``index._run_lengths``). */
static int length_fits(const double *c, Py_ssize_t size, Py_ssize_t length)
{
    Py_ssize_t tolerance = join_tolerance(c, length);
    return length >= size * 5 / 6 - 2 && length <= size * 5 / 4 + 2
        && (size > length ? size - length : length - size) <= tolerance;
}

/* The whole words that begin with ``piece`` (``backwards``: whose reversed letters do,
 * ``piece`` being reversed too), fit ``run`` in length and are alike it. ``rows[1]``
 * holds a word turned round. */
static int whole_beginning(Finder *f, int backwards, const ch *piece, Py_ssize_t piece_length,
                           const ch *run, Py_ssize_t run_length, uint64_t run_letters,
                           Scratch *rows, PyObject *found)
{
    const Text *texts = backwards ? f->reversed : f->whole;
    for (Py_ssize_t k = first_beginning(texts, f->whole_count, piece, piece_length);
            k < f->whole_count; k++) {
        const Text *text = &texts[k];
        if (text->length < piece_length
                || memcmp(text->text, piece, sizeof(ch) * (size_t)piece_length) != 0)
            break;
        if (f->whole_seen[text->id] == f->query || !length_fits(f->r.c, run_length, text->length))
            continue;
        f->whole_seen[text->id] = f->query;
        const ch *letters = text->text;
        if (backwards) {
            ch *turned = scratch(&rows[1], sizeof(ch) * (size_t)(text->length + 1));
            if (turned == NULL)
                return -1;
            for (Py_ssize_t i = 0; i < text->length; i++)
                turned[i] = text->text[text->length - 1 - i];
            letters = turned;
        }
        int yes;
        if (alike(f, run, run_length, run_letters, letters, text->length, text->letters,
                  &rows[0], &yes) < 0)
            return -1;
        if (yes && append_number(found, text->id) < 0)
            return -1;
    }
    return 0;
}

/* whole_near(run, first, last): the whole words that the query's adjacent words
 * ``first`` .. ``last``, written as one (``run``), could stand for
 * (``CandidateIndex._names_for_run``). */
static PyObject *Finder_whole_near(Finder *self, PyObject *args)
{
    if (!is_ready(self))
        return NULL;
    PyObject *run_text, *first_text, *last_text;
    if (!PyArg_ParseTuple(args, "UUU", &run_text, &first_text, &last_text))
        return NULL;
    Py_ssize_t run_length = PyUnicode_GetLength(run_text);
    Py_ssize_t first_length = PyUnicode_GetLength(first_text);
    Py_ssize_t last_length = PyUnicode_GetLength(last_text);
    ch *run = PyUnicode_AsUCS4Copy(run_text), *first = PyUnicode_AsUCS4Copy(first_text);
    ch *last = PyUnicode_AsUCS4Copy(last_text);
    PyObject *found = PyList_New(0);
    Scratch rows[2] = {{NULL, 0}, {NULL, 0}};  /* edit rows, and a word turned round */
    if (run == NULL || first == NULL || last == NULL || found == NULL)
        goto fail;
    for (Py_ssize_t a = 0, b = last_length - 1; a < b; a++, b--) {
        ch spare = last[a];
        last[a] = last[b];
        last[b] = spare;
    }
    self->query++;
    uint64_t run_letters = letter_set(run, run_length);
    if (whole_beginning(self, 0, first, first_length, run, run_length, run_letters, rows,
                        found) < 0
            || whole_beginning(self, 1, last, last_length, run, run_length, run_letters, rows,
                               found) < 0)
        goto fail;
    goto done;
fail:
    Py_CLEAR(found);
done:
    PyMem_Free(run);
    PyMem_Free(first);
    PyMem_Free(last);
    scratch_free(&rows[0]);
    scratch_free(&rows[1]);
    return found;
}

static PyObject *Finder_key_count(Finder *self, PyObject *unused)
{
    if (!is_ready(self))
        return NULL;
    (void)unused;
    return PyLong_FromSsize_t(self->spelled.count + self->romanised.count);
}

static PyMethodDef Finder_methods[] = {
    {"near", (PyCFunction)Finder_near, METH_O,
     "near(word) -> numbers of the listed words that share a key with word and are alike "
     "enough (their threshold)"},
    {"runs_near", (PyCFunction)Finder_runs_near, METH_O,
     "runs_near(word) -> numbers of the listed runs word could stand for, written as one"},
    {"whole_near", (PyCFunction)Finder_whole_near, METH_VARARGS,
     "whole_near(run, first, last) -> numbers of the whole words that the query words "
     "first .. last, written as one (run), could stand for"},
    {"key_count", (PyCFunction)Finder_key_count, METH_NOARGS,
     "key_count() -> how many distinct spelling and romanisation keys the finder holds"},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject FinderType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "sanctionscreen._cindex.Finder",
    .tp_doc = "The listed words and their keys, to find those that meet a query word.",
    .tp_basicsize = sizeof(Finder),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Finder_init,
    .tp_dealloc = (destructor)Finder_dealloc,
    .tp_methods = Finder_methods,
};

/* ---- postings: from the words, runs and whole words met to the names ----------- */

/* One table of postings: ``ids[offsets[k] .. offsets[k + 1]]`` are the names of entry k. */
typedef struct {
    int64_t *offsets;
    int32_t *ids;
    Py_ssize_t count;
} Table;

#define GROUPS 2  /* the entries a query word meets (listed words, then runs), whole words */

typedef struct {
    PyObject_HEAD
    Table tables[GROUPS];
    Py_ssize_t names;
    uint32_t *seen;    /* ``seen[n] == query``: name n is already in this query's answer */
    uint32_t query;
    int built, ready;
    int busy;  /* a gather runs: one started from inside it (an entry's __index__) is refused */
} Postings;

static void Postings_dealloc(Postings *self)
{
    for (int g = 0; g < GROUPS; g++) {
        PyMem_Free(self->tables[g].offsets);
        PyMem_Free(self->tables[g].ids);
    }
    PyMem_Free(self->seen);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* Copy one table from two buffers (int64 offsets, int32 names) and check it. */
static int table_copy(Table *t, PyObject *pair, Py_ssize_t names)
{
    PyObject *offsets, *ids;
    if (!PyTuple_Check(pair) || !PyArg_ParseTuple(pair, "OO", &offsets, &ids)) {
        PyErr_SetString(PyExc_TypeError, "each table: a tuple (offsets, names) expected");
        return -1;
    }
    Py_buffer o, n;
    if (PyObject_GetBuffer(offsets, &o, PyBUF_FORMAT | PyBUF_C_CONTIGUOUS) < 0)
        return -1;
    if (PyObject_GetBuffer(ids, &n, PyBUF_FORMAT | PyBUF_C_CONTIGUOUS) < 0) {
        PyBuffer_Release(&o);
        return -1;
    }
    int result = -1;
    if (o.itemsize != 8 || n.itemsize != 4 || o.len < 8) {
        PyErr_SetString(PyExc_TypeError, "offsets: int64 (at least one); names: int32");
        goto done;
    }
    t->count = o.len / 8 - 1;
    Py_ssize_t size = n.len / 4;
    t->offsets = PyMem_Malloc((size_t)o.len);
    t->ids = PyMem_Malloc((size_t)n.len + 4);
    if (t->offsets == NULL || t->ids == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    memcpy(t->offsets, o.buf, (size_t)o.len);
    memcpy(t->ids, n.buf, (size_t)n.len);
    if (t->offsets[0] != 0 || t->offsets[t->count] != size) {
        PyErr_SetString(PyExc_ValueError, "offsets must begin at 0 and end at the names' count");
        goto done;
    }
    for (Py_ssize_t k = 0; k < t->count; k++)
        if (t->offsets[k + 1] < t->offsets[k]) {
            PyErr_SetString(PyExc_ValueError, "offsets must not decrease");
            goto done;
        }
    for (Py_ssize_t k = 0; k < size; k++)
        if (t->ids[k] < 0 || t->ids[k] >= names) {
            PyErr_Format(PyExc_ValueError, "no listed name %d", (int)t->ids[k]);
            goto done;
        }
    result = 0;
done:
    PyBuffer_Release(&o);
    PyBuffer_Release(&n);
    return result;
}

/* Postings(names, entries, whole): each table a tuple (int64 offsets, int32 names). */
static int Postings_init(Postings *self, PyObject *args, PyObject *kwargs)
{
    Py_ssize_t names;
    PyObject *tables[GROUPS];
    static char *keywords[] = {"names", "entries", "whole", NULL};
    if (self->built) {
        PyErr_SetString(PyExc_TypeError, "Postings is built once");
        return -1;
    }
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "nOO", keywords, &names, &tables[0],
                                     &tables[1]))
        return -1;
    self->built = 1;
    if (names < 0 || names > INT32_MAX) {
        PyErr_SetString(PyExc_ValueError, "names: from 0 to 2**31 - 1");
        return -1;
    }
    self->names = names;
    for (int g = 0; g < GROUPS; g++)
        if (table_copy(&self->tables[g], tables[g], names) < 0)
            return -1;
    self->seen = PyMem_Calloc((size_t)names + 1, sizeof(uint32_t));
    if (self->seen == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    self->ready = 1;
    return 0;
}

enum { FEW_TO_SORT = 48 };  /* up to this many names: insertion sort */

/* Sort ``n`` names, each below ``limit``, in place: by insertion when few, else by
 * their bytes from the lowest (radix sort; qsort's calls to compare cost more than
 * the names here, in the tens to thousands). ``spare`` is scratch for a copy. */
static int sort_names(int32_t *names, Py_ssize_t n, Py_ssize_t limit, Scratch *spare)
{
    if (n <= FEW_TO_SORT) {
        for (Py_ssize_t i = 1; i < n; i++) {
            int32_t name = names[i];
            Py_ssize_t j = i;
            for (; j > 0 && names[j - 1] > name; j--)
                names[j] = names[j - 1];
            names[j] = name;
        }
        return 0;
    }
    int32_t *from = names, *to = scratch(spare, sizeof(int32_t) * (size_t)n);
    if (to == NULL)
        return -1;
    for (int shift = 0; shift < 32 && ((limit - 1) >> shift) > 0; shift += 8) {
        Py_ssize_t starts[257] = {0};
        for (Py_ssize_t i = 0; i < n; i++)
            starts[((uint32_t)from[i] >> shift & 255) + 1]++;
        for (int b = 1; b < 257; b++)
            starts[b] += starts[b - 1];
        for (Py_ssize_t i = 0; i < n; i++)
            to[starts[(uint32_t)from[i] >> shift & 255]++] = from[i];
        int32_t *swap = from;
        from = to;
        to = swap;
    }
    if (from != names)
        memcpy(names, from, sizeof(int32_t) * (size_t)n);
    return 0;
}

/* Add the names of entry ``item`` of table ``t`` that query ``query`` has not seen. */
static int gather_entry(Postings *self, uint32_t query, const Table *t, PyObject *item,
                        Scratch *out, Py_ssize_t *count)
{
    Py_ssize_t k = PyNumber_AsSsize_t(item, PyExc_OverflowError);
    if (k == -1 && PyErr_Occurred())
        return -1;
    if (k < 0 || k >= t->count) {
        PyErr_Format(PyExc_IndexError, "no entry %zd", k);
        return -1;
    }
    const int32_t *ids = t->ids + t->offsets[k];
    Py_ssize_t size = (Py_ssize_t)(t->offsets[k + 1] - t->offsets[k]);
    int32_t *found = scratch(out, sizeof(int32_t) * (size_t)(*count + size + 1));
    if (found == NULL)
        return -1;
    uint32_t *seen = self->seen;
    Py_ssize_t n = *count;
    for (Py_ssize_t i = 0; i < size; i++) {
        int32_t name = ids[i];
        if (seen[name] != query) {
            seen[name] = query;
            found[n++] = name;
        }
    }
    *count = n;
    return 0;
}

/* gather(entries, whole): the names, sorted and each once, of the entries given: each
 * argument a sequence of sequences of entry numbers in that table. */
static PyObject *Postings_gather(Postings *self, PyObject *args)
{
    if (!built_or_raise(self->ready, "Postings"))
        return NULL;
    PyObject *groups[GROUPS];
    if (!PyArg_ParseTuple(args, "OO", &groups[0], &groups[1]))
        return NULL;
    if (self->busy) {
        PyErr_SetString(PyExc_RuntimeError, "gather() called while a gather() of these "
                        "postings runs");
        return NULL;
    }
    self->busy = 1;
    if (++self->query == 0) {  /* wrapped round: start the marks afresh */
        memset(self->seen, 0, sizeof(uint32_t) * (size_t)(self->names + 1));
        self->query = 1;
    }
    uint32_t query = self->query;
    Scratch out = {NULL, 0}, spare = {NULL, 0};
    Py_ssize_t count = 0;
    PyObject *result = NULL;
    for (int g = 0; g < GROUPS; g++) {
        PyObject *outer = PySequence_Fast(groups[g], "gather: sequences of entries expected");
        if (outer == NULL)
            goto done;
        for (Py_ssize_t a = 0; a < PySequence_Fast_GET_SIZE(outer); a++) {
            PyObject *inner = PySequence_Fast(PySequence_Fast_GET_ITEM(outer, a),
                                              "gather: sequences of entries expected");
            if (inner == NULL) {
                Py_DECREF(outer);
                goto done;
            }
            for (Py_ssize_t b = 0; b < PySequence_Fast_GET_SIZE(inner); b++)
                if (gather_entry(self, query, &self->tables[g],
                                 PySequence_Fast_GET_ITEM(inner, b), &out, &count) < 0) {
                    Py_DECREF(inner);
                    Py_DECREF(outer);
                    goto done;
                }
            Py_DECREF(inner);
        }
        Py_DECREF(outer);
    }
    if (sort_names(out.data, count, self->names, &spare) < 0)
        goto done;
    result = PyList_New(count);
    if (result == NULL)
        goto done;
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *number = PyLong_FromLong(((int32_t *)out.data)[i]);
        if (number == NULL) {
            Py_CLEAR(result);
            goto done;
        }
        PyList_SET_ITEM(result, i, number);
    }
done:
    scratch_free(&out);
    scratch_free(&spare);
    self->busy = 0;
    return result;
}

/* For tests: number the next gathers from ``n`` (to reach the wrap of the counter). */
static PyObject *Postings_number_queries_from(Postings *self, PyObject *arg)
{
    return number_queries_from(&self->query, arg);
}

static PyObject *Postings_size(Postings *self, PyObject *unused)
{
    (void)unused;
    if (!built_or_raise(self->ready, "Postings"))
        return NULL;
    Py_ssize_t total = 0;
    for (int g = 0; g < GROUPS; g++)
        total += (Py_ssize_t)self->tables[g].offsets[self->tables[g].count];
    return PyLong_FromSsize_t(total);
}

static PyMethodDef Postings_methods[] = {
    {"gather", (PyCFunction)Postings_gather, METH_VARARGS,
     "gather(entries, whole) -> the names of the entries given, sorted, each once"},
    {"_number_queries_from", (PyCFunction)Postings_number_queries_from, METH_O,
     "_number_queries_from(n): the next gather is numbered n + 1 (for tests)"},
    {"size", (PyCFunction)Postings_size, METH_NOARGS,
     "size() -> how many postings the two tables hold"},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject PostingsType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "sanctionscreen._cindex.Postings",
    .tp_doc = "The names that each listed word, run of words and whole word leads to.",
    .tp_basicsize = sizeof(Postings),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Postings_init,
    .tp_dealloc = (destructor)Postings_dealloc,
    .tp_methods = Postings_methods,
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_cindex", "Candidate index word lookups in C (see index.py).", -1,
    NULL, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__cindex(void)
{
    PyTypeObject *const types[] = {&FinderType, &PostingsType};
    return module_with_types(&module, types, 2);
}
