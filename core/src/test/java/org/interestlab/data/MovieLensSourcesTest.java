package org.interestlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.interestlab.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MovieLensSourcesTest {
  @TempDir Path tmp;

  @Test
  void movieLens100kReadsItemsUsersAndRatings() {
    Dataset d = new MovieLens100kSource().load(Fixtures.folder("movielens-100k"));
    assertThat(d.name()).isEqualTo("movielens-100k");
    assertThat(d.numItems()).isEqualTo(3);
    assertThat(d.numUsers()).isEqualTo(3);
    assertThat(d.items()).extracting(Item::id).containsExactly("1", "2", "3");
    // u.item is Latin-1: byte 0xE9 must come out as é.
    assertThat(d.items().get(1).title()).isEqualTo("Café au lait (1993)");
    assertThat(d.items().get(0).categories()).containsExactly("Animation", "Children's", "Comedy");
    assertThat(d.items().get(0).text()).isEqualTo("Animation, Children's, Comedy");
    assertThat(d.items().get(1).categories()).containsExactly("Comedy", "Drama", "Romance");
    assertThat(d.items().get(2).categories()).containsExactly("unknown");
    assertThat(d.users().get(1)).isEqualTo(new User("2",
        Map.of("age", "53", "gender", "F", "occupation", "other", "zip", "94043")));
    assertThat(d.interactions()).containsExactly(
        new Interaction(1, 2, 4.0, 887736532L, ""),
        new Interaction(0, 0, 5.0, 874965758L, ""),
        new Interaction(0, 1, 3.0, 876893171L, ""),
        new Interaction(2, 0, 1.0, 878542960L, ""));
    assertThat(d.tags()).isEmpty();
  }

  @Test
  void movieLens100kWithoutGenreFileUsesStandardNamesAndWithOneUsesItsNames() throws IOException {
    Path src = Fixtures.folder("movielens-100k");
    for (String f : List.of("u.data", "u.item", "u.user")) Files.copy(src.resolve(f), tmp.resolve(f));
    Dataset standard = new MovieLens100kSource().load(tmp);
    assertThat(standard.items().get(1).categories()).containsExactly("Comedy", "Drama", "Romance");

    StringBuilder genre = new StringBuilder();
    for (int g = 0; g < 19; g++) genre.append("G").append(g).append('|').append(g).append('\n');
    Files.writeString(tmp.resolve("u.genre"), genre);
    Dataset renamed = new MovieLens100kSource().load(tmp);
    assertThat(renamed.items().get(1).categories()).containsExactly("G5", "G8", "G14");
    assertThat(renamed.items().get(1).text()).isEqualTo("G5, G8, G14");
  }

  @Test
  void movieLens100kMalformedLineNamesFileLineAndExpectation() throws IOException {
    Path src = Fixtures.folder("movielens-100k");
    for (String f : List.of("u.item", "u.user")) Files.copy(src.resolve(f), tmp.resolve(f));
    Files.writeString(tmp.resolve("u.data"), "1\t1\t5\t874965758\n1\t2\t3\n");
    assertThatThrownBy(() -> new MovieLens100kSource().load(tmp))
        .isInstanceOf(UserException.class)
        .hasMessageContaining(tmp.resolve("u.data").toString())
        .hasMessageContaining("line 2")
        .hasMessageContaining("expected 4 fields");
    Files.writeString(tmp.resolve("u.data"), "1\t1\tfive\t874965758\n");
    assertThatThrownBy(() -> new MovieLens100kSource().load(tmp))
        .hasMessageContaining("line 1").hasMessageContaining("numeric rating").hasMessageContaining("'five'");
  }

  @Test
  void missingFileIsUnavailableAndNamesThePath() {
    assertThatThrownBy(() -> new MovieLens100kSource().load(tmp))
        .isInstanceOf(DatasetUnavailableException.class)
        .hasMessageContaining(tmp.resolve("u.data").toAbsolutePath().toString());
    assertThatThrownBy(() -> new MovieLensLatestSmallSource().load(tmp))
        .isInstanceOf(DatasetUnavailableException.class)
        .hasMessageContaining(tmp.resolve("ratings.csv").toAbsolutePath().toString());
  }

  @Test
  void movieLens1mReadsLatin1DoubleColonFiles() {
    Dataset d = new MovieLens1mSource().load(Fixtures.folder("movielens-1m"));
    assertThat(d.items()).extracting(Item::title)
        .containsExactly("Toy Story (1995)", "Misérables, Les (1995)", "Café Society (1995)");
    assertThat(d.items().get(1).categories()).containsExactly("Drama", "Musical");
    assertThat(d.items().get(1).text()).isEqualTo("Drama, Musical");
    assertThat(d.users()).extracting(User::id).containsExactly("1", "2");
    assertThat(d.users().get(0).attributes())
        .isEqualTo(Map.of("gender", "F", "age", "1", "occupation", "10", "zip", "48067"));
    assertThat(d.interactions()).containsExactly(
        new Interaction(0, 2, 5.0, 978300760L, ""),
        new Interaction(1, 0, 3.0, 978298413L, ""),
        new Interaction(0, 0, 4.0, 978824291L, ""));
  }

  @Test
  void latestSmallReadsQuotedCsvAndTags() {
    Dataset d = new MovieLensLatestSmallSource().load(Fixtures.folder("movielens-latest-small"));
    assertThat(d.items()).extracting(Item::id).containsExactly("1", "11", "25", "30");
    assertThat(d.items()).extracting(Item::title).containsExactly(
        "Toy Story (1995)",
        "American President, The (1995)",
        "Film \"Quoted\", The (2000)",
        "City of Lost Children, The (Cité des enfants perdus, La) (1995)");
    assertThat(d.items().get(0).text()).isEqualTo("Adventure, Animation, Children, Comedy, Fantasy");
    assertThat(d.items().get(2).categories()).isEmpty();
    assertThat(d.items().get(2).text()).isEmpty();
    // Users in order of first appearance: ratings (1, 5), then tags (7).
    assertThat(d.users()).extracting(User::id).containsExactly("1", "5", "7");
    assertThat(d.interactions()).containsExactly(
        new Interaction(0, 0, 4.0, 964982703L, ""),
        new Interaction(0, 1, 3.5, 964981247L, ""),
        new Interaction(1, 3, 0.5, 847434962L, ""));
    assertThat(d.tags()).hasSize(3);
    assertThat(d.tags().get(0)).isEqualTo(new Interaction(1, 2, Double.NaN, 1445714994L, "funny, dark"));
    assertThat(d.tags().get(1).text()).isEqualTo("\"artsy\"");
    assertThat(d.tags().get(1).user()).isEqualTo(2);
    assertThat(d.tags().get(2).text()).isEqualTo("Highly quotable");
    assertThat(d.tags().get(2).timestamp()).isEqualTo(1445714996L);
  }

  @Test
  void latestSmallLinks() {
    Map<String, MovieLensLatestSmallSource.Link> links =
        MovieLensLatestSmallSource.readLinks(Fixtures.folder("movielens-latest-small"));
    assertThat(links.keySet()).containsExactly("1", "11", "25", "30");
    assertThat(links.get("1")).isEqualTo(new MovieLensLatestSmallSource.Link("1", "0114709", "862"));
    assertThat(links.get("25").tmdbId()).isEmpty();
  }

  @Test
  void csvQuotedFieldMaySpanLinesAndErrorsNameTheRecordStart() throws IOException {
    Files.writeString(tmp.resolve("movies.csv"), "movieId,title,genres\n1,\"Two\nLines, \"\"x\"\"\",Drama\n");
    Files.writeString(tmp.resolve("ratings.csv"), "userId,movieId,rating,timestamp\n1,1,4.0,10\n");
    Files.writeString(tmp.resolve("tags.csv"), "userId,movieId,tag,timestamp\n1,1,\"never closed,10\n",
        StandardCharsets.UTF_8);
    assertThatThrownBy(() -> new MovieLensLatestSmallSource().load(tmp))
        .isInstanceOf(UserException.class)
        .hasMessageContaining(tmp.resolve("tags.csv").toString())
        .hasMessageContaining("line 2")
        .hasMessageContaining("closing quote");
    Files.writeString(tmp.resolve("tags.csv"), "userId,movieId,tag,timestamp\n1,1,ok,10\n");
    Dataset d = new MovieLensLatestSmallSource().load(tmp);
    assertThat(d.items().get(0).title()).isEqualTo("Two\nLines, \"x\"");
  }

  @Test
  void csvWrongHeaderAndFieldCount() throws IOException {
    Files.writeString(tmp.resolve("movies.csv"), "movieId,title,genres\n1,A,Drama\n");
    Files.writeString(tmp.resolve("tags.csv"), "userId,movieId,tag,timestamp\n");
    Files.writeString(tmp.resolve("ratings.csv"), "user,movie,rating,time\n1,1,4.0,10\n");
    assertThatThrownBy(() -> new MovieLensLatestSmallSource().load(tmp))
        .hasMessageContaining("ratings.csv: line 1: header is 'user,movie,rating,time' — expected 'userId,movieId,rating,timestamp'");
    Files.writeString(tmp.resolve("ratings.csv"), "userId,movieId,rating,timestamp\n1,1,4.0,10\n1,1,4.0\n");
    assertThatThrownBy(() -> new MovieLensLatestSmallSource().load(tmp))
        .hasMessageContaining("ratings.csv: line 3: expected 4 fields as in the header (userId,movieId,rating,timestamp), got 3");
  }
}
