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
 * Optional: when this module is not built, ``bound.py`` computes the same bound
 * with numpy. Python passes every constant, so the rules live in one place.
 */
#include "_calign.h"

typedef struct {
    PyObject_HEAD
    Py_buffer offsets;  /* int64, names + 1 */
    Py_buffer ids;      /* int32, the words of every name, as vocabulary numbers */
    Py_buffer weights;  /* float64, per vocabulary word */
    ch *text;           /* every vocabulary word, one after another */
    ch *keys;           /* every vocabulary word's romanisation key */
    Word *vocab;
    Py_ssize_t vocab_size;
    Rules r;            /* constants and romanisation rules */
    Py_buffer kinds;    /* int8 per vocabulary word (KIND_...), to align; may be empty */
    int have_buffers;
    /* Per query, each listed word's similarity with every query word is worked out
     * once: ``seen[v] == query`` says it is in ``memo`` at ``slot[v]``. */
    int64_t *seen;
    int32_t *slot;
    int64_t query;
} Table;

/* ---- the table ------------------------------------------------------------------ */

static void Table_dealloc(Table *self)
{
    if (self->have_buffers) {
        PyBuffer_Release(&self->offsets);
        PyBuffer_Release(&self->ids);
        PyBuffer_Release(&self->weights);
        PyBuffer_Release(&self->kinds);
    }
    PyMem_Free(self->text);
    PyMem_Free(self->keys);
    PyMem_Free(self->vocab);
    rules_free(&self->r);
    PyMem_Free(self->seen);
    PyMem_Free(self->slot);
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
                            "kinds", NULL};
    if (self->have_buffers) {
        PyErr_SetString(PyExc_TypeError, "Table is built once");
        return -1;
    }
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O!O!y*y*y*O!O!|y*", keywords, &PyList_Type,
                                     &words, &PyList_Type, &keys, &self->weights,
                                     &self->offsets, &self->ids, &PyList_Type, &rules,
                                     &PyTuple_Type, &constants, &self->kinds))
        return -1;
    self->have_buffers = 1;
    if (check_buffer(&self->weights, 8, "weights") < 0 || check_buffer(&self->offsets, 8, "offsets") < 0
            || check_buffer(&self->ids, 4, "ids") < 0)
        return -1;
    Py_ssize_t count = PyList_GET_SIZE(words);
    if (PyList_GET_SIZE(keys) != count || self->weights.len / 8 != count
            || (self->kinds.obj != NULL && self->kinds.len != count)) {
        PyErr_SetString(PyExc_ValueError, "words, keys, weights and kinds differ in length");
        return -1;
    }
    if (rules_init(&self->r, rules, constants) < 0)
        return -1;
    Py_ssize_t letters = 0, key_letters = 0;
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
    self->keys = PyMem_Malloc(sizeof(ch) * (size_t)(key_letters + 1));
    self->vocab = PyMem_Calloc((size_t)(count + 1), sizeof(Word));
    self->seen = PyMem_Calloc((size_t)(count + 1), sizeof(int64_t));
    self->slot = PyMem_Calloc((size_t)(count + 1), sizeof(int32_t));
    if (self->text == NULL || self->keys == NULL || self->vocab == NULL || self->seen == NULL
            || self->slot == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    self->vocab_size = count;
    Py_ssize_t at = 0, key_at = 0;
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *word = PyList_GET_ITEM(words, i), *key = PyList_GET_ITEM(keys, i);
        Py_ssize_t length = PyUnicode_GetLength(word), key_length = PyUnicode_GetLength(key);
        if (PyUnicode_AsUCS4(word, self->text + at, letters + 1 - at, 0) == NULL
                || PyUnicode_AsUCS4(key, self->keys + key_at, key_letters + 1 - key_at, 0) == NULL)
            return -1;
        Word *w = &self->vocab[i];
        w->text = self->text + at;
        w->length = length;
        w->key = self->keys + key_at;
        w->key_length = key_length;
        w->digit = all_digits(w->text, length);
        w->letters = letter_set(w->text, length);
        w->key_letters = letter_set(w->key, key_length);
        at += length;
        key_at += key_length;
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
    return 0;
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
    return 0;
}

typedef struct {
    Scratch rows, best_query, single_query, best_listed, single_listed, listed, joined,
        key_a, key_b, memo;
    Py_ssize_t memo_used;  /* listed words worked out so far for this query */
    int64_t query;         /* this query's number, for the table's memo */
} Work;

static void work_free(Work *w)
{
    scratch_free(&w->rows);
    scratch_free(&w->best_query);
    scratch_free(&w->single_query);
    scratch_free(&w->best_listed);
    scratch_free(&w->single_listed);
    scratch_free(&w->listed);
    scratch_free(&w->joined);
    scratch_free(&w->key_a);
    scratch_free(&w->key_b);
    scratch_free(&w->memo);
}

/* Listed word ``v``'s similarity with every query word, worked out once per query. */
static const double *similarities(Table *t, const Query *q, int32_t v, Work *work)
{
    if (t->seen[v] == work->query)
        return (const double *)work->memo.data + (size_t)t->slot[v] * (size_t)q->count;
    size_t at = (size_t)work->memo_used * (size_t)q->count;
    double *memo = scratch(&work->memo, sizeof(double) * (at + (size_t)q->count + 1));
    if (memo == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < q->count; i++)
        if (word_similarity(&t->r, &q->words[i], &t->vocab[v], &work->rows, &memo[at + i]) < 0)
            return NULL;
    t->seen[v] = work->query;
    t->slot[v] = (int32_t)work->memo_used++;
    return memo + at;
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
    const double *vocab_weight = t->weights.buf;
    Py_ssize_t first = (Py_ssize_t)offsets[number];
    Py_ssize_t size = (Py_ssize_t)(offsets[number + 1] - offsets[number]);
    Py_ssize_t count = q->count, max_joined = (Py_ssize_t)c[C_MAX_JOINED];
    double *best_query = scratch(&work->best_query, sizeof(double) * (size_t)(count + 1));
    double *single_query = scratch(&work->single_query, sizeof(double) * (size_t)(count + 1));
    double *best_listed = scratch(&work->best_listed, sizeof(double) * (size_t)(size + 1));
    double *single_listed = scratch(&work->single_listed, sizeof(double) * (size_t)(size + 1));
    const Word **listed = scratch(&work->listed, sizeof(Word *) * (size_t)(size + 1));
    if (!best_query || !single_query || !best_listed || !single_listed || !listed)
        return -1;
    double listed_total = 0.0;
    for (Py_ssize_t j = 0; j < size; j++) {
        listed[j] = &t->vocab[ids[first + j]];
        best_listed[j] = 0.0;
        listed_total += vocab_weight[ids[first + j]];
    }
    for (Py_ssize_t i = 0; i < count; i++)
        best_query[i] = 0.0;
    for (Py_ssize_t j = 0; j < size; j++) {
        const double *row = similarities(t, q, ids[first + j], work);
        if (row == NULL)
            return -1;
        for (Py_ssize_t i = 0; i < count; i++) {
            if (row[i] > best_query[i])
                best_query[i] = row[i];
            if (row[i] > best_listed[j])
                best_listed[j] = row[i];
        }
    }
    memcpy(single_query, best_query, sizeof(double) * (size_t)count);
    memcpy(single_listed, best_listed, sizeof(double) * (size_t)size);

    /* A query word that stands for a run of listed words written as one. */
    Py_ssize_t letters = 0;
    for (Py_ssize_t j = 0; j < size; j++)
        letters += listed[j]->length;
    ch *joined_text = scratch(&work->joined, sizeof(ch) * (size_t)(letters + 1));
    if (joined_text == NULL)
        return -1;
    for (Py_ssize_t i = 0; i < count; i++) {
        const Word *word = &q->words[i];
        if ((double)word->length <= c[C_SHORT_WORD])
            continue;
        Py_ssize_t tolerance = word->length / 5 > 2 ? word->length / 5 : 2;
        for (Py_ssize_t start = 0; start + 1 < size; start++) {
            Py_ssize_t joined_length = listed[start]->length;
            for (Py_ssize_t end = start + 1; end < size && end < start + max_joined; end++) {
                joined_length += listed[end]->length;
                if (joined_length - word->length > tolerance)
                    break;
                if (word->length - joined_length > tolerance
                        || !(starts_with(word, listed[start]) || ends_with(word, listed[end])))
                    continue;
                Py_ssize_t at = 0;
                for (Py_ssize_t k = start; k <= end; k++) {
                    memcpy(joined_text + at, listed[k]->text,
                           sizeof(ch) * (size_t)listed[k]->length);
                    at += listed[k]->length;
                }
                double similarity;
                if (spelling(word->text, word->length, joined_text, at, &work->rows,
                             &similarity) < 0)
                    return -1;
                if (similarity < c[C_JOIN_SIMILARITY] || similarity <= single_query[i])
                    continue;
                best_query[i] = 1.0;
                for (Py_ssize_t k = start; k <= end; k++)
                    best_listed[k] = 1.0;
                Word joined = {joined_text, at, NULL, 0, all_digits(joined_text, at),
                               letter_set(joined_text, at), 0};
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
        if ((double)word->length <= c[C_SHORT_WORD])
            continue;
        Py_ssize_t tolerance = word->length / 5 > 2 ? word->length / 5 : 2;
        for (Py_ssize_t r = 0; r < q->run_count; r++) {
            const Word *run = &q->runs[r];
            Py_ssize_t start = q->run_start[r], end = q->run_end[r];
            if (run->length - word->length > tolerance || word->length - run->length > tolerance
                    || !(starts_with(word, &q->words[start]) || ends_with(word, &q->words[end])))
                continue;
            double similarity;
            if (spelling(word->text, word->length, run->text, run->length, &work->rows,
                         &similarity) < 0)
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
        double weight = vocab_weight[ids[first + j]];
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

/* Shared by ``bounds`` and ``survivors``: ``floor`` < 0 asks for every bound. */
static PyObject *run(Table *self, PyObject *args, int want_survivors)
{
    PyObject *words, *weights, *numbers;
    double floor = -1.0;
    if (want_survivors) {
        if (!PyArg_ParseTuple(args, "OOOd", &words, &weights, &numbers, &floor))
            return NULL;
    } else if (!PyArg_ParseTuple(args, "OOO", &words, &weights, &numbers)) {
        return NULL;
    }
    PyObject *sequence = PySequence_Fast(numbers, "numbers must be a sequence");
    if (sequence == NULL)
        return NULL;
    Query q;
    Work work;
    memset(&work, 0, sizeof(work));
    PyObject *found = NULL;
    if (query_build(self, words, weights, &q, &work.key_a, &work.key_b) < 0)
        goto done;
    work.query = ++self->query;  /* a new number: the last query's memo no longer counts */
    found = PyList_New(0);
    if (found == NULL)
        goto done;
    Py_ssize_t names = self->offsets.len / 8 - 1, count = PySequence_Fast_GET_SIZE(sequence);
    PyObject **items = PySequence_Fast_ITEMS(sequence);
    for (Py_ssize_t k = 0; k < count; k++) {
        Py_ssize_t number;
        if (name_number(items[k], names, &number) < 0)
            goto fail;
        double bound;
        if (bound_one(self, &q, number, &work, &bound) < 0)
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

/* aligned(words, weights, kinds, numbers): each listed name's aligned score before the
 * legal-form rule and rounding (``_calign.h``); ``kinds`` is one byte per query word. */
static PyObject *Table_aligned(Table *self, PyObject *args)
{
    PyObject *words, *weights, *numbers;
    Py_buffer kinds;
    if (!PyArg_ParseTuple(args, "OOy*O", &words, &weights, &kinds, &numbers))
        return NULL;
    PyObject *sequence = PySequence_Fast(numbers, "numbers must be a sequence");
    PyObject *found = NULL;
    Query q;
    Work work;
    Aligner aligner;
    Scratch query_words = {NULL, 0}, listed_words = {NULL, 0}, listed_weights = {NULL, 0},
        listed_kinds = {NULL, 0};
    memset(&q, 0, sizeof(q));
    memset(&work, 0, sizeof(work));
    memset(&aligner, 0, sizeof(aligner));
    if (sequence == NULL)
        goto done;
    if (self->kinds.obj == NULL) {
        PyErr_SetString(PyExc_ValueError, "this table was built without word classes (kinds)");
        goto done;
    }
    if (query_build(self, words, weights, &q, &work.key_a, &work.key_b) < 0)
        goto done;
    if (kinds.len != q.count) {
        PyErr_SetString(PyExc_ValueError, "one kind per query word expected");
        goto done;
    }
    const Word **query_word = scratch(&query_words, sizeof(Word *) * (size_t)(q.count + 1));
    if (query_word == NULL)
        goto done;
    for (Py_ssize_t i = 0; i < q.count; i++)
        query_word[i] = &q.words[i];
    Side query = {query_word, q.weights, kinds.buf, q.count};
    Rules exact = self->r;  /* similarities rounded as Python rounds them */
    exact.exact = 1;
    const int64_t *offsets = self->offsets.buf;
    const int32_t *ids = self->ids.buf;
    const double *vocab_weight = self->weights.buf;
    const int8_t *vocab_kind = self->kinds.buf;
    Py_ssize_t names = self->offsets.len / 8 - 1, count = PySequence_Fast_GET_SIZE(sequence);
    PyObject **items = PySequence_Fast_ITEMS(sequence);
    found = PyList_New(count);
    if (found == NULL)
        goto done;
    for (Py_ssize_t k = 0; k < count; k++) {
        Py_ssize_t number;
        if (name_number(items[k], names, &number) < 0)
            goto fail;
        Py_ssize_t first = (Py_ssize_t)offsets[number];
        Py_ssize_t size = (Py_ssize_t)(offsets[number + 1] - offsets[number]);
        const Word **listed_word = scratch(&listed_words, sizeof(Word *) * (size_t)(size + 1));
        double *weight = scratch(&listed_weights, sizeof(double) * (size_t)(size + 1));
        int8_t *kind = scratch(&listed_kinds, (size_t)size + 1);
        if (listed_word == NULL || weight == NULL || kind == NULL)
            goto fail;
        for (Py_ssize_t j = 0; j < size; j++) {
            listed_word[j] = &self->vocab[ids[first + j]];
            weight[j] = vocab_weight[ids[first + j]];
            kind[j] = vocab_kind[ids[first + j]];
        }
        Side listed = {listed_word, weight, kind, size};
        double score;
        if (aligned_score(&exact, &query, &listed, &aligner, &score) < 0)
            goto fail;
        PyObject *item = PyFloat_FromDouble(score);
        if (item == NULL)
            goto fail;
        PyList_SET_ITEM(found, k, item);
    }
    goto done;
fail:
    Py_CLEAR(found);
done:
    PyBuffer_Release(&kinds);
    Py_XDECREF(sequence);
    query_free(&q);
    work_free(&work);
    aligner_free(&aligner);
    scratch_free(&query_words);
    scratch_free(&listed_words);
    scratch_free(&listed_weights);
    scratch_free(&listed_kinds);
    return found;
}

static PyMethodDef Table_methods[] = {
    {"bounds", (PyCFunction)Table_bounds, METH_VARARGS,
     "bounds(words, weights, numbers) -> the score bound of each listed name"},
    {"survivors", (PyCFunction)Table_survivors, METH_VARARGS,
     "survivors(words, weights, numbers, floor) -> the numbers whose bound reaches floor"},
    {"aligned", (PyCFunction)Table_aligned, METH_VARARGS,
     "aligned(words, weights, kinds, numbers) -> each name's score before the legal-form "
     "rule and rounding"},
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

static PyMethodDef module_methods[] = {
    {"word_similarity", module_word_similarity, METH_VARARGS,
     "word_similarity(table, a, b) -> the table's word similarity of two words (for tests)"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_cbound", "Score bounds in C (see bound.py).", -1, module_methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__cbound(void)
{
    return module_with_type(&module, &TableType, "Table");
}
