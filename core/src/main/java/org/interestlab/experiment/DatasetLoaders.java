package org.interestlab.experiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.interestlab.data.Dataset;
import org.interestlab.data.DatasetSource;
import org.interestlab.data.DatasetStore;
import org.interestlab.data.synthetic.GroundTruth;
import org.interestlab.data.synthetic.SyntheticData;
import org.interestlab.data.synthetic.SyntheticInterests;
import org.interestlab.data.synthetic.SyntheticInterestsSource;
import org.interestlab.params.ComponentSpec;
import org.interestlab.params.Params;

/**
 * Turns a dataset source's spec (declared beside the source, with its parameters) into what a
 * {@code dataset:} section builds: a {@link DatasetLoader} that reads the data only when the run
 * gets to it. Registering a source is one line: {@code r.register(Stage.DATASET, DatasetLoaders.downloaded(MySource.SPEC))}.
 */
final class DatasetLoaders {
  private DatasetLoaders() {}

  /** A source whose files are fetched once into the {@link DatasetStore}; no ground truth. */
  static ComponentSpec<DatasetLoader> downloaded(ComponentSpec<? extends DatasetSource> source) {
    return new ComponentSpec<>(source.kind(), source.doc(), source.params(), (p, seed) -> new DatasetLoader() {
      @Override
      public boolean hasGroundTruth() {
        return false;
      }

      @Override
      public LoadedDataset load() {
        DatasetStore store = DatasetStore.create();
        DatasetSource s = source.create(p, seed);
        return new LoadedDataset(s.load(store.ensure(source.kind(), asText(p))), null);
      }
    });
  }

  /**
   * The bundled synthetic dataset: read from {@code datasets/<folder>/} of the repository ({@code
   * -Dinterestlab.root}, else the working directory) when the files are there, else generated in
   * memory from its seed — the same data either way (a test checks the shipped files byte for byte).
   */
  static ComponentSpec<DatasetLoader> bundled(ComponentSpec<SyntheticInterestsSource> source) {
    return new ComponentSpec<>(source.kind(), source.doc(), source.params(), (p, seed) -> new DatasetLoader() {
      @Override
      public boolean hasGroundTruth() {
        return true;
      }

      @Override
      public LoadedDataset load() {
        SyntheticInterestsSource s = source.create(p, seed);
        SyntheticInterests.Params params = SyntheticInterests.Params.defaults().withLanguage(s.language());
        Path folder = Path.of(System.getProperty("interestlab.root", "")).resolve("datasets").resolve(params.folderName());
        Dataset data;
        GroundTruth truth;
        if (Files.isRegularFile(folder.resolve(SyntheticInterests.FILES.get(0)))) {
          data = s.load(folder);
          truth = GroundTruth.read(folder);
        } else {
          SyntheticData generated = SyntheticInterests.generate(params);
          data = generated.dataset();
          truth = generated.truth();
        }
        return new LoadedDataset(data, truth.primaryInterest(data), truth);
      }
    });
  }

  /** Parameter values as the dataset store names folders by them. */
  private static Map<String, String> asText(Params p) {
    Map<String, String> out = new LinkedHashMap<>();
    p.values().forEach((k, v) -> {
      if (v != null) out.put(k, String.valueOf(v));
    });
    return out;
  }
}
