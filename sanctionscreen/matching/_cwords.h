/* Word similarity in C, shared by the score bound (``_cbound.c``) and the candidate
 * index (``_cindex.c``): ``similarity.word_similarity`` and ``romanisation_key``,
 * with every constant and rule passed in from the Python modules (``Rules``).
 */
#ifndef SANCTIONSCREEN_CWORDS_H
#define SANCTIONSCREEN_CWORDS_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

typedef uint32_t ch;

enum {
    C_MIN_SIMILARITY, C_BASE, C_GROWTH, C_SHORT_WORD, C_NUMBERS_DIFFER,
    C_IDENTIFIER_DIGITS, C_KEY_MIN_LENGTH, C_KEY_SIMILARITY, C_JOIN_SIMILARITY,
    C_MAX_JOINED, C_CONTAINED_FLOOR, C_CONTAINED_MIN_WEIGHT, C_CONTAINED_SIMILARITY,
    C_JOIN_SLACK, C_JOIN_SHARE, C_COUNT
};

/* How many letters a run written as one may differ in length from a word of ``length``
 * letters (``align.join_tolerance``, from the constants Python passes). */
static inline Py_ssize_t join_tolerance(const double *c, Py_ssize_t length)
{
    Py_ssize_t share = length / (Py_ssize_t)c[C_JOIN_SHARE], slack = (Py_ssize_t)c[C_JOIN_SLACK];
    return share > slack ? share : slack;
}

/* Where each letter of a word of at most PATTERN_MOST letters stands, as bits: what the
 * bit-parallel edit distance reads instead of a table of rows. */
#define PATTERN_MOST 64
typedef struct {
    uint64_t ascii[128];
    ch other[PATTERN_MOST];  /* letters beyond ASCII, each with its bits */
    uint64_t other_bits[PATTERN_MOST];
    int other_count;
    Py_ssize_t length;
} Pattern;

typedef struct {
    const ch *text;
    Py_ssize_t length;
    const ch *key;
    Py_ssize_t key_length;
    int digit;
    uint64_t letters, key_letters;  /* which letters occur (folded onto 64 bits) */
    const Pattern *pattern, *key_pattern;  /* of the text and key, or NULL (see spelling) */
} Word;

typedef struct {
    ch *old;
    Py_ssize_t old_length;
    ch *new_;
    Py_ssize_t new_length;
} Rule;

/* The scorer's constants (numbered as ``bound.c_constants`` lists them) and the
 * romanisation rules, in order. */
typedef struct {
    double c[C_COUNT];
    Rule *rules;
    Py_ssize_t rule_count;
    int exact;  /* round similarities as Python does (scores), not up on near-ties (bounds) */
} Rules;

/* ---- growable scratch buffers ------------------------------------------------ */

typedef struct {
    void *data;
    size_t capacity;
} Scratch;

static void *scratch(Scratch *s, size_t bytes)
{
    if (bytes > s->capacity) {
        size_t want = bytes < 256 ? 256 : bytes * 2;
        void *grown = PyMem_Realloc(s->data, want);
        if (grown == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
        s->data = grown;
        s->capacity = want;
    }
    return s->data;
}

static void scratch_free(Scratch *s)
{
    PyMem_Free(s->data);
    s->data = NULL;
    s->capacity = 0;
}

/* Free each of ``count`` buffers. */
static inline void scratch_free_each(Scratch *const *all, size_t count)
{
    for (size_t i = 0; i < count; i++)
        scratch_free(all[i]);
}

/* ---- similarity -------------------------------------------------------------- */

/* Optimal-string-alignment distance; ``rows`` holds 3 * (lb + 1) integers. */
static Py_ssize_t osa_distance(const ch *a, Py_ssize_t la, const ch *b, Py_ssize_t lb,
                               Py_ssize_t *rows, double allowed)
{
    Py_ssize_t *before = rows, *previous = rows + lb + 1, *current = rows + 2 * (lb + 1);
    for (Py_ssize_t j = 0; j <= lb; j++)
        previous[j] = j;
    Py_ssize_t previous_low = 0;  /* the lowest value of the row before */
    for (Py_ssize_t i = 1; i <= la; i++) {
        current[0] = i;
        Py_ssize_t low = i;
        for (Py_ssize_t j = 1; j <= lb; j++) {
            Py_ssize_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            Py_ssize_t best = previous[j - 1] + cost;
            if (previous[j] + 1 < best)
                best = previous[j] + 1;
            if (current[j - 1] + 1 < best)
                best = current[j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]
                    && before[j - 2] + 1 < best)
                best = before[j - 2] + 1;
            current[j] = best;
            if (best < low)
                low = best;
        }
        /* Every later value comes from this row or the one before, plus nothing or more:
         * once both rows are past ``allowed``, so is the distance. */
        if ((double)low > allowed && (double)previous_low > allowed)
            return la > lb ? la : lb;
        previous_low = low;
        Py_ssize_t *spare = before;
        before = previous;
        previous = current;
        current = spare;
    }
    return previous[lb];
}

/* The pattern of ``text`` (at most PATTERN_MOST letters). */
static void pattern_build(Pattern *p, const ch *text, Py_ssize_t length)
{
    memset(p->ascii, 0, sizeof(p->ascii));
    p->other_count = 0;
    p->length = length;
    for (Py_ssize_t i = 0; i < length; i++) {
        uint64_t bit = (uint64_t)1 << i;
        ch c = text[i];
        if (c < 128) {
            p->ascii[c] |= bit;
            continue;
        }
        int k = 0;
        while (k < p->other_count && p->other[k] != c)
            k++;
        if (k == p->other_count) {
            p->other[k] = c;
            p->other_bits[k] = 0;
            p->other_count++;
        }
        p->other_bits[k] |= bit;
    }
}

static uint64_t pattern_bits(const Pattern *p, ch c)
{
    if (c < 128)
        return p->ascii[c];
    for (int k = 0; k < p->other_count; k++)
        if (p->other[k] == c)
            return p->other_bits[k];
    return 0;
}

/* The same distance as ``osa_distance``, one column of the table at a time as bits
 * (Hyyro's bit-vector algorithm for the edit distance with adjacent transpositions):
 * ``up`` and ``down`` mark where a column's values rise and fall going down, ``zero``
 * where a value equals the one up and to the left. */
static Py_ssize_t osa_bits(const Pattern *p, const ch *text, Py_ssize_t length)
{
    if (p->length == 0)
        return length;
    uint64_t up = ~(uint64_t)0, down = 0, zero = 0, matches_before = 0;
    uint64_t last = (uint64_t)1 << (p->length - 1);
    Py_ssize_t distance = p->length;
    for (Py_ssize_t j = 0; j < length; j++) {
        uint64_t matches = pattern_bits(p, text[j]);
        uint64_t swapped = ((~zero & matches) << 1) & matches_before;
        zero = (((matches & up) + up) ^ up) | matches | down | swapped;
        uint64_t rise = down | ~(zero | up), fall = zero & up;
        if (rise & last)
            distance++;
        else if (fall & last)
            distance--;
        rise = (rise << 1) | 1;
        fall <<= 1;
        up = fall | ~(zero | rise);
        down = rise & zero;
        matches_before = matches;
    }
    return distance;
}

/* ``OSA.normalized_similarity``: 1 - distance / longer length, when it is at least
 * ``least``; when it is lower, any value lower than ``least`` (the edit distance may
 * stop early). With ``pattern`` (``a``'s, or NULL), the distance is found by bits. */
static int spelling_by(const ch *a, Py_ssize_t la, const Pattern *pattern, const ch *b,
                       Py_ssize_t lb, Scratch *rows, double least, double *out)
{
    Py_ssize_t longer = la > lb ? la : lb;
    if (longer == 0) {
        *out = 1.0;
        return 0;
    }
    double allowed = (1.0 - least) * (double)longer + 1e-9;
    Py_ssize_t distance;
    if (pattern != NULL) {
        distance = osa_bits(pattern, b, lb);
    } else {
        Py_ssize_t *space = scratch(rows, sizeof(Py_ssize_t) * 3 * (size_t)(lb + 1));
        if (space == NULL)
            return -1;
        distance = osa_distance(a, la, b, lb, space, allowed);
    }
    *out = (double)distance > allowed ? -1.0 : 1.0 - (double)distance / (double)longer;
    return 0;
}

static int spelling(const ch *a, Py_ssize_t la, const ch *b, Py_ssize_t lb, Scratch *rows,
                    double least, double *out)
{
    return spelling_by(a, la, NULL, b, lb, rows, least, out);
}

/* Python's ``round(value, 4)``; where the two may disagree (a value within a hair of
 * half a step), the higher of the two, as a bound must never come out lower. */
static double round4(double value)
{
    double scaled = value * 10000.0, nearest = nearbyint(scaled);
    if (fabs(fabs(scaled - nearest) - 0.5) < 1e-6)
        nearest = ceil(scaled);
    return nearest / 10000.0;
}

/* Python's ``round(value, 4)`` exactly: away from a near-tie the nearest whole number
 * of ten-thousandths, divided once, is the double Python's decimal rounding gives;
 * near a tie, Python itself decides. */
static int round4_exact(double value, double *out)
{
    double scaled = value * 10000.0, nearest = nearbyint(scaled);
    if (fabs(fabs(scaled - nearest) - 0.5) >= 1e-6) {
        *out = nearest / 10000.0;
        return 0;
    }
    PyObject *number = PyFloat_FromDouble(value), *result = NULL;
    if (number != NULL)
        result = PyObject_CallMethod(number, "__round__", "i", 4);
    Py_XDECREF(number);
    if (result == NULL)
        return -1;
    *out = PyFloat_AsDouble(result);
    Py_DECREF(result);
    return *out == -1.0 && PyErr_Occurred() ? -1 : 0;
}

/* A similarity rounded to four places: exactly for scores, up on near-ties for bounds. */
static int rounded(const Rules *t, double value, double *out)
{
    if (t->exact)
        return round4_exact(value, out);
    *out = round4(value);
    return 0;
}

static uint64_t letter_set(const ch *text, Py_ssize_t length)
{
    uint64_t set = 0;
    for (Py_ssize_t i = 0; i < length; i++)
        set |= (uint64_t)1 << (text[i] & 63);
    return set;
}

static int bits_set(uint64_t set)
{
#if defined(__POPCNT__)
    return __builtin_popcountll(set);
#else  /* without the instruction, a few shifts beat a call into the compiler's library */
    set -= (set >> 1) & 0x5555555555555555ULL;
    set = (set & 0x3333333333333333ULL) + ((set >> 2) & 0x3333333333333333ULL);
    set = (set + (set >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
    return (int)((set * 0x0101010101010101ULL) >> 56);
#endif
}

/* Each letter of one word that the other lacks costs at least one edit. */
static Py_ssize_t fewest_edits(uint64_t a, uint64_t b)
{
    int only_a = bits_set(a & ~b), only_b = bits_set(b & ~a);
    return only_a > only_b ? only_a : only_b;
}

/* Whether spelling similarity can reach ``least``; only skips what cannot. */
static int may_reach(Py_ssize_t la, Py_ssize_t lb, uint64_t sa, uint64_t sb, double least)
{
    Py_ssize_t longer = la > lb ? la : lb, shorter = la < lb ? la : lb;
    double allowed = (1.0 - least) * (double)longer + 1e-9;
    return (double)(longer - shorter) <= allowed && (double)fewest_edits(sa, sb) <= allowed;
}

static int same(const ch *a, Py_ssize_t la, const ch *b, Py_ssize_t lb)
{
    return la == lb && (la == 0 || a[0] == b[0])
        && memcmp(a, b, sizeof(ch) * (size_t)la) == 0;
}

/* ``similarity.word_similarity`` (its number only). */
static int word_similarity(const Rules *t, const Word *a, const Word *b, Scratch *rows,
                           double *out)
{
    const double *c = t->c;
    if (same(a->text, a->length, b->text, b->length)) {
        *out = 1.0;
        return 0;
    }
    if (a->digit && b->digit) {
        Py_ssize_t longer = a->length > b->length ? a->length : b->length;
        *out = (double)longer >= c[C_IDENTIFIER_DIGITS] ? 0.0 : c[C_NUMBERS_DIFFER];
        return 0;
    }
    *out = 0.0;
    if (a->digit || b->digit)
        return 0;
    Py_ssize_t shorter = a->length < b->length ? a->length : b->length;
    Py_ssize_t longer = a->length > b->length ? a->length : b->length;
    if ((double)shorter <= c[C_SHORT_WORD])
        return 0;
    (void)longer;
    /* -1 stands for a spelling similarity that cannot reach the minimum. */
    double by_spelling = -1.0;
    if (may_reach(a->length, b->length, a->letters, b->letters, c[C_MIN_SIMILARITY])) {
        if (spelling_by(a->text, a->length, a->pattern, b->text, b->length, rows,
                        c[C_MIN_SIMILARITY], &by_spelling) < 0)
            return -1;
    }
    if ((double)shorter >= c[C_KEY_MIN_LENGTH]) {
        double by_key = c[C_KEY_SIMILARITY];
        if (!same(a->key, a->key_length, b->key, b->key_length)) {
            double keys = 0.0, least = c[C_MIN_SIMILARITY] / c[C_KEY_SIMILARITY] - 1e-9;
            if (may_reach(a->key_length, b->key_length, a->key_letters, b->key_letters, least)
                    && spelling_by(a->key, a->key_length, a->key_pattern, b->key,
                                   b->key_length, rows, least, &keys) < 0)
                return -1;
            by_key *= keys > 0.0 ? keys : 0.0;
        }
        if (by_key > by_spelling && by_key >= c[C_MIN_SIMILARITY]) {
            return rounded(t, by_key, out);
        }
    }
    if (by_spelling < c[C_MIN_SIMILARITY])
        return 0;
    double gap = 1.0 - by_spelling;
    double shaped = 1.0 - gap * (c[C_BASE] + c[C_GROWTH] * gap);
    return rounded(t, shaped > 0.0 ? shaped : 0.0, out);
}

/* ``similarity.romanisation_key``: the rules in order, then letters written twice once. */
static int romanisation_key(const Rules *t, const ch *word, Py_ssize_t length, Scratch *a,
                            Scratch *b, ch **key, Py_ssize_t *key_length)
{
    Scratch *source = a, *target = b;
    ch *from = scratch(source, sizeof(ch) * (size_t)(length + 1));
    if (from == NULL)
        return -1;
    memcpy(from, word, sizeof(ch) * (size_t)length);
    Py_ssize_t size = length;
    uint64_t present = letter_set(from, size);  /* letters in the text, as letter_set folds them */
    for (Py_ssize_t r = 0; r < t->rule_count; r++) {
        const Rule *rule = &t->rules[r];
        if (!(present & ((uint64_t)1 << (rule->old[0] & 63))))
            continue;  /* the rule's first letter is nowhere in the text: it changes nothing */
        /* each letter becomes at most new_length letters: room for this rule's output */
        Py_ssize_t grow = rule->new_length > 1 ? rule->new_length : 1;
        ch *to = scratch(target, sizeof(ch) * (size_t)(size * grow + 1));
        if (to == NULL)
            return -1;
        Scratch *spare_scratch = source;
        source = target;
        target = spare_scratch;
        Py_ssize_t written = 0, i = 0;
        while (i < size) {
            if (i + rule->old_length <= size && from[i] == rule->old[0]  /* most letters */
                    && memcmp(from + i, rule->old, sizeof(ch) * (size_t)rule->old_length) == 0) {
                memcpy(to + written, rule->new_, sizeof(ch) * (size_t)rule->new_length);
                written += rule->new_length;
                i += rule->old_length;
            } else {
                to[written++] = from[i++];
            }
        }
        from = to;
        size = written;
        present = letter_set(from, size);
    }
    Py_ssize_t kept = 0;
    for (Py_ssize_t i = 0; i < size; i++)
        if (kept == 0 || from[i] != from[kept - 1])
            from[kept++] = from[i];
    *key = from;
    *key_length = kept;
    return 0;
}

static int all_digits(const ch *text, Py_ssize_t length)
{
    if (length == 0)
        return 0;
    for (Py_ssize_t i = 0; i < length; i++)
        if (!Py_UNICODE_ISDIGIT(text[i]))
            return 0;
    return 1;
}
static ch *ucs4(PyObject *text, Py_ssize_t *length)
{
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "words must be str");
        return NULL;
    }
    *length = PyUnicode_GetLength(text);
    return (ch *)PyUnicode_AsUCS4Copy(text);
}

/* (The first or last letters are compared before the rest: most words differ there.
 * ``inline``: the index module does not use these, and compilers warn of unused ones.) */
static inline int starts_with(const Word *word, const Word *part)
{
    return part->length <= word->length
        && (part->length == 0 || word->text[0] == part->text[0])
        && memcmp(word->text, part->text, sizeof(ch) * (size_t)part->length) == 0;
}

static inline int ends_with(const Word *word, const Word *part)
{
    return part->length <= word->length
        && (part->length == 0 || word->text[word->length - 1] == part->text[part->length - 1])
        && memcmp(word->text + word->length - part->length, part->text,
                  sizeof(ch) * (size_t)part->length) == 0;
}

/* Read the constants (a tuple of C_COUNT floats) and rules (a list of (old, new)). */
static int rules_init(Rules *r, PyObject *rules, PyObject *constants)
{
    if (!PyList_Check(rules) || !PyTuple_Check(constants)) {
        PyErr_SetString(PyExc_TypeError, "rules: a list; constants: a tuple");
        return -1;
    }
    if (PyTuple_GET_SIZE(constants) != C_COUNT) {
        PyErr_Format(PyExc_ValueError, "%d constants expected", (int)C_COUNT);
        return -1;
    }
    for (int i = 0; i < C_COUNT; i++) {
        r->c[i] = PyFloat_AsDouble(PyTuple_GET_ITEM(constants, i));
        if (r->c[i] == -1.0 && PyErr_Occurred())
            return -1;
    }
    Py_ssize_t rule_count = PyList_GET_SIZE(rules);
    r->rules = PyMem_Calloc((size_t)(rule_count + 1), sizeof(Rule));
    if (r->rules == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < rule_count; i++) {
        PyObject *old, *new_;
        if (!PyArg_ParseTuple(PyList_GET_ITEM(rules, i), "UU", &old, &new_))
            return -1;
        Rule *rule = &r->rules[i];
        r->rule_count = i + 1;
        rule->old = ucs4(old, &rule->old_length);
        rule->new_ = ucs4(new_, &rule->new_length);
        if (rule->old == NULL || rule->new_ == NULL)
            return -1;
        if (rule->old_length == 0) {
            PyErr_SetString(PyExc_ValueError, "a romanisation rule replaces nothing");
            return -1;
        }
    }
    return 0;
}

static void rules_free(Rules *r)
{
    for (Py_ssize_t i = 0; i < r->rule_count; i++) {
        PyMem_Free(r->rules[i].old);
        PyMem_Free(r->rules[i].new_);
    }
    PyMem_Free(r->rules);
    r->rules = NULL;
    r->rule_count = 0;
}

/* Listed words and their romanisation keys, as ``Word``s over two blocks of letters. */
typedef struct {
    ch *text, *keys;
    Word *words;
    Py_ssize_t count;
} Vocabulary;

static void vocabulary_free(Vocabulary *v)
{
    PyMem_Free(v->text);
    PyMem_Free(v->keys);
    PyMem_Free(v->words);
    memset(v, 0, sizeof(*v));
}

/* Copy ``words`` and ``keys`` (two lists of str of one length) into ``v``. */
static int vocabulary_init(Vocabulary *v, PyObject *words, PyObject *keys)
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
    v->text = PyMem_Malloc(sizeof(ch) * (size_t)(letters + 1));
    v->keys = PyMem_Malloc(sizeof(ch) * (size_t)(key_letters + 1));
    v->words = PyMem_Calloc((size_t)count + 1, sizeof(Word));
    if (v->text == NULL || v->keys == NULL || v->words == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    v->count = count;
    Py_ssize_t at = 0, key_at = 0;
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *word = PyList_GET_ITEM(words, i), *key = PyList_GET_ITEM(keys, i);
        Word *w = &v->words[i];
        w->length = PyUnicode_GetLength(word);
        w->key_length = PyUnicode_GetLength(key);
        if (PyUnicode_AsUCS4(word, v->text + at, letters + 1 - at, 0) == NULL
                || PyUnicode_AsUCS4(key, v->keys + key_at, key_letters + 1 - key_at, 0) == NULL)
            return -1;
        w->text = v->text + at;
        w->key = v->keys + key_at;
        w->digit = all_digits(w->text, w->length);
        w->letters = letter_set(w->text, w->length);
        w->key_letters = letter_set(w->key, w->key_length);
        at += w->length;
        key_at += w->key_length;
    }
    return 0;
}

/* For tests: set ``*counter`` (a query counter, marks compared with it) to ``arg``, so
 * that the next query is numbered ``arg + 1``: tests reach the counter's wrap. */
static PyObject *number_queries_from(uint32_t *counter, PyObject *arg)
{
    unsigned long n = PyLong_AsUnsignedLong(arg);
    if (n == (unsigned long)-1 && PyErr_Occurred())
        return NULL;
    if (n > UINT32_MAX) {
        PyErr_SetString(PyExc_OverflowError, "a query number fits in 32 bits");
        return NULL;
    }
    *counter = (uint32_t)n;
    Py_RETURN_NONE;
}

/* Whether a type's ``__init__`` succeeded (``ready``); else a ValueError is set. */
static int built_or_raise(int ready, const char *type)
{
    if (!ready)
        PyErr_Format(PyExc_ValueError, "this %s was not built (its __init__ failed)", type);
    return ready;
}

/* A new module ``definition`` holding ``count`` types, each under the name after the
 * last dot of its ``tp_name``. */
static PyObject *module_with_types(struct PyModuleDef *definition, PyTypeObject *const *types,
                                   int count)
{
    PyObject *m = PyModule_Create(definition);
    if (m == NULL)
        return NULL;
    for (int i = 0; i < count; i++) {
        const char *name = strrchr(types[i]->tp_name, '.');
        if (PyType_Ready(types[i]) < 0 || PyModule_AddObjectRef(
                m, name != NULL ? name + 1 : types[i]->tp_name, (PyObject *)types[i]) < 0) {
            Py_DECREF(m);
            return NULL;
        }
    }
    return m;
}

#endif
