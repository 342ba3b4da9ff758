package org.interestlab.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.interestlab.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The protobuf reader on a tiny ONNX file written byte by byte here from onnx.proto3's field numbers
 * (ModelProto.graph = 7; GraphProto.node = 1, initializer = 5; NodeProto.input = 1, output = 2,
 * op_type = 4; TensorProto.dims = 1, data_type = 2, float_data = 4, name = 8, raw_data = 9).
 */
class OnnxWeightsTest {

  @Test
  void readsInitializersAndNamesAnonymousMatMulWeightsAfterTheirBias(@TempDir Path tmp) throws Exception {
    byte[] weight = tensor("onnx::MatMul_7", new long[] {2, 3}, raw(1, 2, 3, 4, 5, 6), false);
    byte[] bias = tensor("bert.encoder.layer.0.attention.self.query.bias", new long[] {3}, packedFloats(0.5f, -1f, 2f), true);
    byte[] ids = int64Tensor("position_ids");
    byte[] matmul = node("MatMul", new String[] {"hidden", "onnx::MatMul_7"}, new String[] {"mm_out"});
    byte[] add = node("Add", new String[] {"bert.encoder.layer.0.attention.self.query.bias", "mm_out"}, new String[] {"q"});
    ByteArrayOutputStream graph = new ByteArrayOutputStream();
    field(graph, 2, "g".getBytes(StandardCharsets.UTF_8)); // GraphProto.name, skipped
    field(graph, 1, matmul);
    field(graph, 1, add);
    field(graph, 5, weight);
    field(graph, 5, bias);
    field(graph, 5, ids);
    ByteArrayOutputStream model = new ByteArrayOutputStream();
    varintField(model, 1, 8); // ir_version
    field(model, 7, graph.toByteArray());
    Path file = tmp.resolve("tiny.onnx");
    Files.write(file, model.toByteArray());

    OnnxWeights w = OnnxWeights.read(file);
    assertThat(w.initializers()).containsOnlyKeys("onnx::MatMul_7", "bert.encoder.layer.0.attention.self.query.bias");
    assertThat(w.nodes()).extracting(OnnxWeights.Node::opType).containsExactly("MatMul", "Add");
    Map<String, OnnxWeights.Tensor> named = w.named();
    OnnxWeights.Tensor q = named.get("bert.encoder.layer.0.attention.self.query.weight");
    assertThat(q.dims()).containsExactly(2, 3);
    assertThat(q.data()).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(named.get("bert.encoder.layer.0.attention.self.query.bias").data()).containsExactly(0.5f, -1f, 2f);
    assertThat(named).doesNotContainKey("onnx::MatMul_7");
  }

  @Test
  void notAnOnnxFileIsAUserError(@TempDir Path tmp) throws Exception {
    Path file = Files.writeString(tmp.resolve("x.onnx"), "hello, not protobuf");
    assertThatThrownBy(() -> OnnxWeights.read(file)).isInstanceOf(UserException.class).hasMessageContaining(file.toString());
  }

  @Test
  void builtinMiniLmHasAllLinearWeightsNamed() {
    Map<String, OnnxWeights.Tensor> named = OnnxWeights.read(SentenceModel.builtin("minilm-l6").modelFile()).named();
    for (int l = 0; l < 6; l++) {
      assertThat(named.get("encoder.layer." + l + ".attention.self.query.weight").dims()).containsExactly(384, 384);
      assertThat(named.get("encoder.layer." + l + ".intermediate.dense.weight").dims()).containsExactly(384, 1536);
      assertThat(named.get("encoder.layer." + l + ".output.dense.weight").dims()).containsExactly(1536, 384);
    }
    assertThat(named.get("embeddings.word_embeddings.weight").dims()).containsExactly(30522, 384);
  }

  private static byte[] node(String op, String[] in, String[] out) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (String s : in) field(b, 1, s.getBytes(StandardCharsets.UTF_8));
    for (String s : out) field(b, 2, s.getBytes(StandardCharsets.UTF_8));
    field(b, 3, ("n_" + op).getBytes(StandardCharsets.UTF_8));
    field(b, 4, op.getBytes(StandardCharsets.UTF_8));
    return b.toByteArray();
  }

  private static byte[] tensor(String name, long[] dims, byte[] data, boolean floatData) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (long d : dims) varintField(b, 1, d); // unpacked dims
    varintField(b, 2, 1); // FLOAT
    field(b, floatData ? 4 : 9, data);
    field(b, 8, name.getBytes(StandardCharsets.UTF_8));
    return b.toByteArray();
  }

  private static byte[] int64Tensor(String name) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    ByteArrayOutputStream packed = new ByteArrayOutputStream();
    varint(packed, 1);
    varint(packed, 4);
    field(b, 1, packed.toByteArray()); // packed dims
    varintField(b, 2, 7); // INT64
    field(b, 9, new byte[32]);
    field(b, 8, name.getBytes(StandardCharsets.UTF_8));
    return b.toByteArray();
  }

  private static byte[] raw(float... v) {
    ByteBuffer bb = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float f : v) bb.putFloat(f);
    return bb.array();
  }

  private static byte[] packedFloats(float... v) {
    return raw(v); // packed repeated float = little-endian fixed32 values
  }

  private static void field(ByteArrayOutputStream out, int number, byte[] payload) {
    varint(out, (long) number << 3 | 2);
    varint(out, payload.length);
    out.writeBytes(payload);
  }

  private static void varintField(ByteArrayOutputStream out, int number, long value) {
    varint(out, (long) number << 3);
    varint(out, value);
  }

  private static void varint(ByteArrayOutputStream out, long v) {
    while ((v & ~0x7fL) != 0) {
      out.write((int) ((v & 0x7f) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }
}
