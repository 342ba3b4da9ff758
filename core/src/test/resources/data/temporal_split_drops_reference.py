#!/usr/bin/python3
"""Reference for SplitReportTest: the temporal split (test_fraction 0.2) of MovieLens latest-small,
computed without InterestLab. The latest round(0.2 n) ratings by (timestamp, user index, item index,
position) are test; test ratings whose user or movie has no training rating are dropped.

Run: /usr/bin/python3 temporal_split_drops_reference.py /work/shared/datasets/movielens-latest-small
Output (committed as the expected values):
  ratings 100836, chosen for test 20167, kept 1310, dropped 18857, users evaluated 28 of 610
"""
import csv
import math
import sys

folder = sys.argv[1]
ratings = [(int(r["userId"]), int(r["movieId"]), int(r["timestamp"]))
           for r in csv.DictReader(open(folder + "/ratings.csv", encoding="utf-8"))]
movie_index = {int(r["movieId"]): i for i, r in enumerate(csv.DictReader(open(folder + "/movies.csv", encoding="utf-8")))}
user_index = {}
for u, _, _ in ratings:
    user_index.setdefault(u, len(user_index))
n = len(ratings)
n_test = math.floor(0.2 * n + 0.5)  # round half up
order = sorted(range(n), key=lambda i: (ratings[i][2], user_index[ratings[i][0]], movie_index[ratings[i][1]], i))
test = set(order[n - n_test:])
train_users = {ratings[i][0] for i in range(n) if i not in test}
train_items = {ratings[i][1] for i in range(n) if i not in test}
kept = [i for i in test if ratings[i][0] in train_users and ratings[i][1] in train_items]
print(f"ratings {n}, chosen for test {n_test}, kept {len(kept)}, dropped {n_test - len(kept)}, "
      f"users evaluated {len({ratings[i][0] for i in kept})} of {len(user_index)}")
