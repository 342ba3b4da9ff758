/**
 * The bundled {@code synthetic-interests} dataset: a seeded generator of users with known,
 * drifting interest mixtures and an emerging topic ({@link org.interestlab.data.synthetic.SyntheticInterests}),
 * its ground truth ({@link org.interestlab.data.synthetic.GroundTruth}) and the loader of its
 * shipped files ({@link org.interestlab.data.synthetic.SyntheticInterestsSource}).
 */
package org.interestlab.data.synthetic;
