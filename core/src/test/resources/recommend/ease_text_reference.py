# Reference for EaseRecommenderTest.textAsSideInformationMatchesNumpy: collective EASE with dense
# side information, float64 numpy: G = XᵀX + α·F·Fᵀ + λI over the items with training interactions,
# F = unit-length content vectors (zero for an item without content), B = −P / diag(P), diag(B) = 0.
# Run: /usr/bin/python3 core/src/test/resources/recommend/ease_text_reference.py
import numpy as np

X = np.array([[1, 1, 0, 0],      # u0: i0 i1
              [1, 0, 1, 0],      # u1: i0 i2
              [0, 1, 0, 1],      # u2: i1 i3
              [0, 0, 1, 1],      # u3: i2 i3
              [1, 0, 0, 0]], float)  # u4: i0
F = np.array([[3, 4, 0],         # i0 → (0.6, 0.8, 0)
              [0, 1, 0],         # i1
              [2, 0, 0],         # i2
              [9, 9, 9]], float)  # i3: no content (masked), counts as zero
has_content = np.array([True, True, True, False])
lam, alpha = 1.0, 2.0
Fu = F / np.linalg.norm(F, axis=1, keepdims=True)
Fu[~has_content] = 0
G = X.T @ X + alpha * Fu @ Fu.T + lam * np.eye(4)
P = np.linalg.inv(G)
B = -P / np.diag(P)
np.fill_diagonal(B, 0)
np.set_printoptions(precision=10, suppress=True)
print("scores u4:", X[4] @ B)
print("scores u0:", X[0] @ B)
