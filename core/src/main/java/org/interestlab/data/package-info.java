/**
 * Datasets, their loaders and catalogue, splits, and the synthetic generator with ground truth.
 *
 * <ul>
 *   <li>{@link org.interestlab.data.Dataset} is immutable with dense int indices; loaders implement
 *       {@link org.interestlab.data.DatasetSource}: {@link org.interestlab.data.MovieLens100kSource},
 *       {@link org.interestlab.data.MovieLens1mSource}, {@link
 *       org.interestlab.data.MovieLensLatestSmallSource}, {@link
 *       org.interestlab.data.AmazonReviews5CoreSource}; {@link org.interestlab.data.DatasetSources}
 *       maps config names to them. Every loader applies one record policy ({@code RecordChecks}):
 *       malformed, truncated, out-of-range and doubly declared records are exit 2 naming file and
 *       line; exact duplicate rows and ratings of unlisted items are skipped and reported in {@link
 *       org.interestlab.data.Dataset#loadNotes()}.
 *   <li>{@link org.interestlab.data.DatasetCatalog} reads {@code datasets/catalog.yaml} (URLs,
 *       files, sha256, published counts, licences); {@link org.interestlab.data.DatasetStore}
 *       downloads, places and verifies the files in the cache folder, and {@link
 *       org.interestlab.data.ContentCheck} loads them as a run does and compares the counts.
 *   <li>{@link org.interestlab.data.Splitter}s return a {@link org.interestlab.data.Split}: {@link
 *       org.interestlab.data.TemporalSplit}, {@link org.interestlab.data.LeaveLastOutSplit}, {@link
 *       org.interestlab.data.RatioSplit}, {@link org.interestlab.data.UserPartsSplit} (RecBole's
 *       per-user 8:1:1), {@link org.interestlab.data.HeldOutItemsSplit} (item cold start: a share of
 *       the items held out entirely); {@link org.interestlab.data.KCoreFilter} densifies a dataset first, {@link
 *       org.interestlab.data.RatingFilter} keeps the well-rated events. A split counts the test
 *       events it drops ({@link org.interestlab.data.Split#droppedTest()}) so a run can say so.
 * </ul>
 *
 * <pre>{@code
 * Dataset ml = DatasetSources.load("movielens-latest-small", Map.of());
 * Split split = new TemporalSplit(0.2).split(new KCoreFilter(5).apply(ml));
 * }</pre>
 */
package org.interestlab.data;
