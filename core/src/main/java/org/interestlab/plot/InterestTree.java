package org.interestlab.plot;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.interestlab.analysis.InterestHierarchy;

/**
 * The interest hierarchy as a treemap or a sunburst: every node a box (or ring segment) sized by its
 * users and labelled with its keywords; the root is "all users". Plotly's {@code ids}/{@code parents}/
 * {@code values} form with {@code branchvalues: "total"} (a parent's value is its users, children may
 * not cover them all).
 *
 * <pre>{@code
 * InterestHierarchy.Tree tree = InterestHierarchy.of(12, 0).fit(userVectors, userTexts);
 * PlotlyFigure f = InterestTree.treemap(InterestTree.nodes(tree));
 * }</pre>
 *
 * @see InterestHierarchy
 */
public final class InterestTree {
  /** The id of the root box every top-level node hangs from. */
  public static final String ROOT = "all";

  /**
   * One box: {@code parent} is another node's id, or null for a top-level interest.
   *
   * @param id unique among the nodes ({@code "3"}, {@code "3.1"})
   * @param parent the parent's id, null under the root
   * @param size users in the node
   * @param keywords what the node's users write about, most typical first
   */
  public record Node(String id, String parent, int size, List<String> keywords) {
    public Node {
      if (id == null || id.isEmpty() || id.equals(ROOT)) throw new IllegalArgumentException("node id must be non-empty and not '" + ROOT + "'");
      if (size < 0) throw new IllegalArgumentException("node " + id + ": size must be ≥ 0, got " + size);
      keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }
  }

  private InterestTree() {}

  /** The nodes of a fitted hierarchy, parents before children. */
  public static List<Node> nodes(InterestHierarchy.Tree tree) {
    List<Node> out = new ArrayList<>();
    for (InterestHierarchy.Node c : tree.coarse()) add(out, c, null);
    return out;
  }

  private static void add(List<Node> out, InterestHierarchy.Node n, String parent) {
    out.add(new Node(n.id(), parent, n.size(), n.keywords()));
    for (InterestHierarchy.Node child : n.children()) add(out, child, n.id());
  }

  public static PlotlyFigure treemap(List<Node> nodes) {
    return build(nodes, "treemap");
  }

  public static PlotlyFigure sunburst(List<Node> nodes) {
    return build(nodes, "sunburst");
  }

  private static PlotlyFigure build(List<Node> nodes, String type) {
    Set<String> ids = new HashSet<>();
    for (Node n : nodes) if (!ids.add(n.id())) throw new IllegalArgumentException("node id '" + n.id() + "' appears twice");
    for (Node n : nodes) {
      if (n.parent() != null && !ids.contains(n.parent())) throw new IllegalArgumentException("node " + n.id() + ": no parent '" + n.parent() + "'");
    }
    List<String> idList = new ArrayList<>(List.of(ROOT));
    List<String> parents = new ArrayList<>(List.of(""));
    List<Integer> values = new ArrayList<>();
    List<String> labels = new ArrayList<>(List.of("all users"));
    int total = 0;
    for (Node n : nodes) if (n.parent() == null) total += n.size();
    values.add(total);
    for (Node n : nodes) {
      idList.add(n.id());
      parents.add(n.parent() == null ? ROOT : n.parent());
      values.add(n.size());
      labels.add(n.id() + ": " + String.join(" ", n.keywords().subList(0, Math.min(4, n.keywords().size()))));
    }
    Map<String, Object> trace = Attributes.of("type", type, "ids", idList, "parents", parents, "values", values, "labels", labels,
        "branchvalues", "total", "textinfo", "label+value", "hovertemplate", "%{label}<br>%{value} users<extra></extra>");
    Map<String, Object> layout = Attributes.of("title", Attributes.of("text", "Interest hierarchy"), "margin", Attributes.of("t", 50, "l", 10, "r", 10, "b", 10));
    return PlotlyFigure.of(List.of(trace), layout);
  }
}
