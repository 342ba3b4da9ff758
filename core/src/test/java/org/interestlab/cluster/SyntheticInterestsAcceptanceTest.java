package org.interestlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.interestlab.data.Dataset;
import org.interestlab.data.Interaction;
import org.interestlab.data.Item;
import org.interestlab.data.TimeWindows;
import org.interestlab.data.synthetic.GroundTruth;
import org.interestlab.data.synthetic.SyntheticInterestsSource;
import org.interestlab.data.synthetic.TopicWords;
import org.interestlab.compute.Embeddings;
import org.interestlab.encode.TfIdfEncoder;
import org.interestlab.analysis.DriftRecovery;
import org.interestlab.profile.MeanItemProfiler;
import org.interestlab.profile.UserProfiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.interestlab.analysis.DynamicInterests;
import org.interestlab.analysis.ClusterTracker;
import org.interestlab.analysis.StreamingKMeans;
import org.interestlab.analysis.InterestHierarchy;

/**
 * On the shipped synthetic-interests data: the tracker finds the planted drifts and the emerging
 * topic, and the hierarchy's coarse keywords name the planted topics. Profiles are means of the
 * raw TF-IDF vectors of item texts (fast, and what {@code experiments/configs/dynamic-interests.yaml}
 * uses).
 */
class SyntheticInterestsAcceptanceTest {
  static Dataset data;
  static GroundTruth truth;
  static TfIdfEncoder.Fitted encoder;
  static Embeddings items;

  @BeforeAll
  static void load() {
    Path folder = Files.isDirectory(Path.of("../datasets/synthetic-interests")) ? Path.of("../datasets/synthetic-interests")
        : Path.of("datasets/synthetic-interests");
    data = new SyntheticInterestsSource().load(folder);
    truth = GroundTruth.read(folder);
    List<String> texts = data.items().stream().map(Item::fullText).toList();
    encoder = TfIdfEncoder.defaults().withDimension(0).fit(texts);
    items = encoder.encode(texts);
  }

  @Test
  void trackerFindsAtLeast80PercentOfPlantedDriftsAndTheEmergingTopic() {
    // The settings of experiments/configs/dynamic-interests.yaml.
    DynamicInterests dynamic = new DynamicInterests(new TimeWindows(45), new StreamingKMeans(12, 0.5, 0.6, 10, 30, 0.1, 42L),
        new ClusterTracker(0.4, 0.8, 1));
    MeanItemProfiler profiler = new MeanItemProfiler(21);
    DynamicInterests.Result r = dynamic.run(data, profiler.fit(data, encoder, items)::transform);
    DriftRecovery recovery = DriftRecovery.evaluate(r, data, truth);
    System.out.printf("drift recall %.3f (%d of %d), precision %.3f (%d reported), emerging born in window %d%n", recovery.recall(),
        recovery.found(), recovery.planted(), recovery.precision(), recovery.reported(), recovery.emergingBirthWindow());
    assertThat(recovery.planted()).isEqualTo(truth.driftEvents().size()); // every planted drift falls into a window
    assertThat(recovery.recall()).isGreaterThanOrEqualTo(0.8);
    int emergingStart = TimeWindows.indexOf(r.windows(), truth.emergingStartTimestamp());
    assertThat(recovery.emergingBirthWindow()).isBetween(emergingStart, emergingStart + 1);
    // Before the emerging topic exists no cluster is named after it.
    for (int t = 0; t < emergingStart; t++) {
      assertThat(DriftRecovery.clusterTopics(r.snapshots().get(t), r.windows().get(t), data, truth).values())
          .doesNotContain(truth.emergingTopic().index());
    }
  }

  @Test
  void coarseKeywordsAreWordsOfTheTopicMostMembersHold() {
    UserProfiles profiles = MeanItemProfiler.plain().fitTransform(data, encoder, items);
    int[] present = profiles.presentUsers();
    List<StringBuilder> texts = new ArrayList<>();
    for (int u = 0; u < data.numUsers(); u++) texts.add(new StringBuilder());
    for (Interaction i : data.interactions()) texts.get(i.user()).append(data.items().get(i.item()).fullText()).append(' ').append(i.text()).append(' ');
    List<String> memberTexts = new ArrayList<>();
    for (int u : present) memberTexts.add(texts.get(u).toString());
    InterestHierarchy h = new InterestHierarchy(12, 2, 6, 20, 5, 2, 100, 42L, "cpu");
    InterestHierarchy.Tree tree = h.fit(profiles.vectors().select(present), memberTexts);
    int[] primary = truth.primaryInterest(data);
    assertThat(tree.coarse()).hasSize(12);
    int total = 0;
    for (InterestHierarchy.Node n : tree.coarse()) {
      int[] votes = new int[truth.numTopics()];
      for (int m : n.members()) votes[primary[present[m]]]++;
      int topic = 0;
      for (int t = 1; t < votes.length; t++) if (votes[t] > votes[topic]) topic = t;
      Set<String> words = TopicWords.of("en", truth.topicName(topic));
      long hits = n.keywords().stream().filter(words::contains).count();
      System.out.println(n.id() + " " + truth.topicName(topic) + " " + n.keywords());
      assertThat(hits).as("coarse cluster %s (%s): %s", n.id(), truth.topicName(topic), n.keywords()).isGreaterThanOrEqualTo(3);
      total += n.size();
      assertThat(n.centroid()).hasSize(items.dim());
      assertThat(n.children().stream().mapToInt(InterestHierarchy.Node::size).sum()).isEqualTo(n.size());
      for (InterestHierarchy.Node f : n.children()) assertThat(f.keywords()).isNotEmpty();
    }
    assertThat(total).isEqualTo(present.length);
  }
}
