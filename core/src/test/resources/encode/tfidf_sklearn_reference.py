"""Writes tfidf_sklearn_expected.tsv: scikit-learn's TfidfVectorizer on tfidf_corpus.txt.

Run from this folder with Debian's python3-sklearn:  /usr/bin/python3 tfidf_sklearn_reference.py
Settings mirror TfIdfEncoder(min_df=1, sublinear_tf=True); the stop list is TextTokens.ENGLISH_STOP_WORDS.
Output lines: "idf<TAB>term<TAB>value", "w<TAB>row<TAB>term<TAB>value" (non-zero tf-idf entries),
"sv<TAB>k<TAB>value" (exact singular values of the tf-idf matrix, numpy LAPACK).
"""
import re
import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

java = open("../../../main/java/org/interestlab/encode/TextTokens.java", encoding="utf-8").read()
block = java[java.index("ENGLISH_STOP_WORDS = Set.of("):]
block = block[: block.index(");")]
stop = re.findall(r'"([a-z]+)"', block)

docs = [l.rstrip("\n") for l in open("tfidf_corpus.txt", encoding="utf-8") if l.strip()]
vec = TfidfVectorizer(min_df=1, sublinear_tf=True, stop_words=stop, token_pattern=r"(?u)\b\w\w+\b")
x = vec.fit_transform(docs).toarray()
terms = vec.get_feature_names_out()
with open("tfidf_sklearn_expected.tsv", "w", encoding="utf-8") as f:
    for t, v in zip(terms, vec.idf_):
        f.write(f"idf\t{t}\t{v:.9f}\n")
    for i in range(x.shape[0]):
        for j in np.nonzero(x[i])[0]:
            f.write(f"w\t{i}\t{terms[j]}\t{x[i, j]:.9f}\n")
    for k, s in enumerate(np.linalg.svd(x, compute_uv=False)):
        f.write(f"sv\t{k}\t{s:.9f}\n")
