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
    PyObject_HEAD
    Rules r;
    ch *text, *key_text;
    Word *vocab;
    Py_ssize_t vocab_size;
    double *thresholds;
    Py_ssize_t two_deletions, min_keyed;
    int lean, built;
    Keys spelled;    /* every word, and its deletion keys (longer words that are not numbers) */
    Keys romanised;  /* romanisation keys and their one-deletion forms */
    int64_t *seen;   /* ``seen[w] == query``: word w was looked at for this query */
    int64_t query;
} Finder;

static void Finder_dealloc(Finder *self)
{
    rules_free(&self->r);
    PyMem_Free(self->text);
    PyMem_Free(self->key_text);
    PyMem_Free(self->vocab);
    PyMem_Free(self->thresholds);
    keys_free(&self->spelled);
    keys_free(&self->romanised);
    PyMem_Free(self->seen);
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
    Py_ssize_t count = PyList_GET_SIZE(words), letters = 0, key_letters = 0;
    if (PyList_GET_SIZE(keys) != count) {
        PyErr_SetString(PyExc_ValueError, "words and keys differ in length");
        return -1;
    }
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *word = PyList_GET_ITEM(words, i), *key = PyList_GET_ITEM(keys, i);
        if (!PyUnicode_Check(word) || !PyUnicode_Check(key)) {
            PyErr_SetString(PyExc_TypeError, "words and keys must be str");
            return -1;
        }
        letters += PyUnicode_GetLength(word);
        key_letters += PyUnicode_GetLength(key);
    }
    self->text = PyMem_Malloc(sizeof(ch) * (size_t)(letters + 1));
    self->key_text = PyMem_Malloc(sizeof(ch) * (size_t)(key_letters + 1));
    self->vocab = PyMem_Calloc((size_t)count + 1, sizeof(Word));
    self->seen = PyMem_Calloc((size_t)count + 1, sizeof(int64_t));
    if (!self->text || !self->key_text || !self->vocab || !self->seen) {
        PyErr_NoMemory();
        return -1;
    }
    self->vocab_size = count;
    Py_ssize_t at = 0, key_at = 0;
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *word = PyList_GET_ITEM(words, i), *key = PyList_GET_ITEM(keys, i);
        Word *w = &self->vocab[i];
        w->length = PyUnicode_GetLength(word);
        w->key_length = PyUnicode_GetLength(key);
        if (PyUnicode_AsUCS4(word, self->text + at, letters + 1 - at, 0) == NULL
                || PyUnicode_AsUCS4(key, self->key_text + key_at, key_letters + 1 - key_at, 0)
                   == NULL)
            return -1;
        w->text = self->text + at;
        w->key = self->key_text + key_at;
        w->digit = all_digits(w->text, w->length);
        w->letters = letter_set(w->text, w->length);
        w->key_letters = letter_set(w->key, w->key_length);
        at += w->length;
        key_at += w->key_length;
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

/* Finder(words, keys, thresholds, rules, constants, two_deletions, min_keyed, lean) */
static int Finder_init(Finder *self, PyObject *args, PyObject *kwargs)
{
    PyObject *words, *keys, *thresholds, *rules, *constants;
    Py_ssize_t two_deletions, min_keyed;
    int lean;
    static char *keywords[] = {"words", "keys", "thresholds", "rules", "constants",
                               "two_deletions", "min_keyed", "lean", NULL};
    if (self->built) {
        PyErr_SetString(PyExc_TypeError, "Finder is built once");
        return -1;
    }
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O!O!O!O!O!nnp", keywords, &PyList_Type,
                                     &words, &PyList_Type, &keys, &PyList_Type, &thresholds,
                                     &PyList_Type, &rules, &PyTuple_Type, &constants,
                                     &two_deletions, &min_keyed, &lean))
        return -1;
    self->built = 1;
    self->two_deletions = two_deletions;
    self->min_keyed = min_keyed;
    self->lean = lean;
    if (rules_init(&self->r, rules, constants) < 0 || copy_words(self, words, keys) < 0)
        return -1;
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
    return build_keys(self);
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

/* Consider the listed words that have ``key`` (see ``has_key``). */
static int by_key(Lookup *l, const ch *key, Py_ssize_t length, int romanised)
{
    const Keys *keys = romanised ? &l->f->romanised : &l->f->spelled;
    int32_t first, last;
    keys_find(keys, key_hash(key, length), &first, &last);
    for (int32_t k = first; k < last; k++) {
        int32_t v = keys->words[k];
        if (has_key(l->f, &l->f->vocab[v], key, length, romanised) && consider(l, v) < 0)
            return -1;
    }
    return 0;
}

/* ``by_key`` for ``text`` and for every key of it with one to ``depth`` letters deleted. */
static int each_key(Lookup *l, const ch *text, Py_ssize_t length, int depth, ch *buffer,
                    int romanised)
{
    if (by_key(l, text, length, romanised) < 0)
        return -1;
    for (Py_ssize_t i = 0; i < length; i++) {
        if (by_key(l, buffer, without(text, length, i, -1, buffer), romanised) < 0)
            return -1;
        if (depth >= 2)
            for (Py_ssize_t j = i + 1; j < length; j++)
                if (by_key(l, buffer, without(text, length, i, j, buffer), romanised) < 0)
                    return -1;
    }
    return 0;
}

static PyObject *Finder_near(Finder *self, PyObject *arg)
{
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

static PyObject *Finder_key_count(Finder *self, PyObject *unused)
{
    (void)unused;
    return PyLong_FromSsize_t(self->spelled.count + self->romanised.count);
}

static PyMethodDef Finder_methods[] = {
    {"near", (PyCFunction)Finder_near, METH_O,
     "near(word) -> numbers of the listed words that share a key with word and are alike "
     "enough (their threshold)"},
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

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_cindex", "Candidate index word lookups in C (see index.py).", -1,
    NULL, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__cindex(void)
{
    return module_with_type(&module, &FinderType, "Finder");
}
