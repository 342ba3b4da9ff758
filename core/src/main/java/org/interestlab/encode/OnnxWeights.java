package org.interestlab.encode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.interestlab.UserException;

/**
 * Reads the weights of an ONNX file without ONNX Runtime: a minimal protobuf reader for
 * {@code ModelProto.graph} (field 7), its {@code node} list (field 1) and {@code initializer} tensors
 * (field 5), following onnx.proto3. Only float32 tensors stored inline ({@code raw_data} or
 * {@code float_data}) are decoded; that is how exporters write BERT weights.
 *
 * <p>Exporters give linear-layer weights anonymous names ({@code onnx::MatMul_1234}, stored already
 * transposed as {@code in × out}). {@link #named()} recovers the PyTorch parameter names by following
 * each {@code MatMul} whose second input is an initializer to the {@code Add} that consumes its output:
 * that Add's other input is the layer's bias, whose name is kept ({@code ….query.bias}); the weight gets
 * the same name ending in {@code .weight}.
 *
 * <p>Complexity: one pass over the file (memory-mapped; ~90 MB for MiniLM).
 */
final class OnnxWeights {
  /** A float32 tensor. */
  record Tensor(long[] dims, float[] data) {}

  /** A graph node: op type, input and output value names. */
  record Node(String opType, List<String> inputs, List<String> outputs) {}

  private final Map<String, Tensor> initializers = new LinkedHashMap<>();
  private final List<Node> nodes = new ArrayList<>();

  private OnnxWeights() {}

  static OnnxWeights read(Path onnxFile) {
    try (FileChannel ch = FileChannel.open(onnxFile, StandardOpenOption.READ)) {
      if (ch.size() > Integer.MAX_VALUE) {
        throw new UserException(onnxFile + " is larger than 2 GB; weights stored outside the protobuf (external data) are not supported");
      }
      MappedByteBuffer buf = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
      OnnxWeights w = new OnnxWeights();
      Reader model = new Reader(buf, 0, (int) ch.size());
      while (model.hasMore()) {
        int tag = model.tag();
        if (tag >>> 3 == 7 && (tag & 7) == 2) w.readGraph(model.message());
        else model.skip(tag);
      }
      if (w.initializers.isEmpty()) throw new UserException(onnxFile + ": no weights found — is it an ONNX model?");
      return w;
    } catch (IOException e) {
      throw new UserException("cannot read ONNX file " + onnxFile + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      if (e instanceof UserException) throw e;
      throw new UserException("cannot parse ONNX file " + onnxFile + ": " + e, e);
    }
  }

  Map<String, Tensor> initializers() {
    return initializers;
  }

  List<Node> nodes() {
    return nodes;
  }

  /**
   * Initializers under their PyTorch names: named ones as stored; anonymous MatMul weights renamed
   * after their bias (see class comment).
   */
  Map<String, Tensor> named() {
    Map<String, Node> consumerOf = new HashMap<>();
    for (Node n : nodes) for (String in : n.inputs()) consumerOf.putIfAbsent(in, n);
    Map<String, Tensor> out = new LinkedHashMap<>();
    for (Map.Entry<String, Tensor> e : initializers.entrySet()) {
      if (!e.getKey().startsWith("onnx::")) out.put(e.getKey(), e.getValue());
    }
    for (Node n : nodes) {
      if (!n.opType().equals("MatMul") || n.inputs().size() != 2 || !initializers.containsKey(n.inputs().get(1))) continue;
      Node add = consumerOf.get(n.outputs().get(0));
      if (add == null || !add.opType().equals("Add")) continue;
      for (String in : add.inputs()) {
        if (in.endsWith(".bias") && initializers.containsKey(in)) {
          out.put(in.substring(0, in.length() - ".bias".length()) + ".weight", initializers.get(n.inputs().get(1)));
        }
      }
    }
    return out;
  }

  private void readGraph(Reader g) {
    while (g.hasMore()) {
      int tag = g.tag();
      int field = tag >>> 3;
      if (field == 1 && (tag & 7) == 2) nodes.add(readNode(g.message()));
      else if (field == 5 && (tag & 7) == 2) readTensor(g.message());
      else g.skip(tag);
    }
  }

  private static Node readNode(Reader r) {
    List<String> in = new ArrayList<>();
    List<String> out = new ArrayList<>();
    String op = "";
    while (r.hasMore()) {
      int tag = r.tag();
      switch (tag >>> 3) {
        case 1 -> in.add(r.string());
        case 2 -> out.add(r.string());
        case 4 -> op = r.string();
        default -> r.skip(tag);
      }
    }
    return new Node(op, in, out);
  }

  private void readTensor(Reader r) {
    List<Long> dims = new ArrayList<>();
    int dataType = 0;
    String name = null;
    ByteBuffer raw = null;
    List<Float> floats = new ArrayList<>();
    while (r.hasMore()) {
      int tag = r.tag();
      int field = tag >>> 3;
      int wire = tag & 7;
      if (field == 1 && wire == 0) dims.add(r.varint());
      else if (field == 1 && wire == 2) {
        Reader p = r.message();
        while (p.hasMore()) dims.add(p.varint());
      } else if (field == 2 && wire == 0) dataType = (int) r.varint();
      else if (field == 4 && wire == 2) {
        Reader p = r.message();
        ByteBuffer b = p.bytes();
        while (b.remaining() >= 4) floats.add(b.getFloat());
      } else if (field == 4 && wire == 5) floats.add(Float.intBitsToFloat(r.fixed32()));
      else if (field == 8 && wire == 2) name = r.string();
      else if (field == 9 && wire == 2) raw = r.message().bytes();
      else if (field == 14 && wire == 0 && r.varint() == 1) {
        throw new UserException("tensor " + name + " is stored as external data; only self-contained ONNX files are supported");
      } else r.skip(tag);
    }
    if (dataType != 1 || name == null) return; // only float32 weights matter here (int64 position ids etc. are skipped)
    long[] d = dims.stream().mapToLong(Long::longValue).toArray();
    long count = 1;
    for (long x : d) count *= x;
    float[] data = new float[(int) count];
    if (raw != null) raw.asFloatBuffer().get(data);
    else for (int i = 0; i < data.length; i++) data[i] = floats.get(i);
    initializers.put(name, new Tensor(d, data));
  }

  /** A protobuf reader over {@code [pos, end)} of a little-endian buffer. */
  private static final class Reader {
    private final ByteBuffer buf;
    private int pos;
    private final int end;

    Reader(ByteBuffer buf, int pos, int end) {
      this.buf = buf;
      this.pos = pos;
      this.end = end;
    }

    boolean hasMore() {
      return pos < end;
    }

    int tag() {
      return (int) varint();
    }

    long varint() {
      long result = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        byte b = buf.get(pos++);
        result |= (long) (b & 0x7f) << shift;
        if (b >= 0) return result;
      }
      throw new IllegalStateException("malformed varint at byte " + pos);
    }

    int fixed32() {
      int v = buf.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(pos);
      pos += 4;
      return v;
    }

    Reader message() {
      int len = (int) varint();
      if (len < 0 || pos + len > end) throw new IllegalStateException("length " + len + " at byte " + pos + " runs past the message");
      Reader r = new Reader(buf, pos, pos + len);
      pos += len;
      return r;
    }

    ByteBuffer bytes() {
      return buf.duplicate().position(pos).limit(end).slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    String string() {
      Reader r = message();
      byte[] b = new byte[r.end - r.pos];
      buf.duplicate().position(r.pos).get(b);
      return new String(b, StandardCharsets.UTF_8);
    }

    void skip(int tag) {
      switch (tag & 7) {
        case 0 -> varint();
        case 1 -> pos += 8;
        case 2 -> message();
        case 5 -> pos += 4;
        default -> throw new IllegalStateException("unsupported protobuf wire type " + (tag & 7) + " at byte " + pos);
      }
    }
  }
}
