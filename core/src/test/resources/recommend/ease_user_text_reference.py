# Reference for EaseRecommenderTest.usersTextAsExtraColumnsMatchesNumpy: EASE over X widened with the users'
# own text, float64 numpy: Xa = [X | β·V], V = unit-length user profile vectors (zero for a user without one),
# G = XaᵀXa + λI (+ α·F·Fᵀ on the item block), B = −P / diag(P), diag(B) = 0, scores = Xa_u · B[:, items].
# Run: /usr/bin/python3 core/src/test/resources/recommend/ease_user_text_reference.py
import numpy as np

X = np.array([[1, 1, 0, 0],      # u0: i0 i1
              [1, 0, 1, 0],      # u1: i0 i2
              [0, 1, 0, 1],      # u2: i1 i3
              [0, 0, 1, 1],      # u3: i2 i3
              [1, 0, 0, 0]], float)  # u4: i0
V = np.array([[1, 0],            # u0
              [0, 2],            # u1 → (0, 1)
              [3, 4],            # u2 → (0.6, 0.8)
              [0, 0],            # u3: no profile
              [0, 5]], float)    # u4 → (0, 1): writes like u1, who bought i2
F = np.array([[3, 4, 0], [0, 1, 0], [2, 0, 0], [0, 0, 1]], float)
lam, beta = 1.0, 1.5
Vu = np.zeros_like(V)
n = np.linalg.norm(V, axis=1)
Vu[n > 0] = V[n > 0] / n[n > 0, None]


def scores(alpha):
    Xa = np.hstack([X, beta * Vu])
    G = Xa.T @ Xa + lam * np.eye(Xa.shape[1])
    Fu = F / np.linalg.norm(F, axis=1, keepdims=True)
    G[:4, :4] += alpha * Fu @ Fu.T
    P = np.linalg.inv(G)
    B = -P / np.diag(P)
    np.fill_diagonal(B, 0)
    return Xa @ B[:, :4]


np.set_printoptions(precision=10, suppress=True)
for alpha in (0.0, 2.0):
    S = scores(alpha)
    print(f"alpha {alpha}: scores u4:", S[4], " u0:", S[0])
