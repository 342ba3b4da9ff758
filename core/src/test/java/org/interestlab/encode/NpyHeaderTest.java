package org.interestlab.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.interestlab.UserException;
import org.interestlab.compute.Embeddings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code .npy} headers that lie about the data: one user error naming the file and the shape, nothing over-allocated. */
class NpyHeaderTest {
  /** A version-1.0 file with {@code shape} in its header followed by {@code dataBytes} zero bytes. */
  static byte[] npy(String shape, int dataBytes) {
    String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + shape + "), }";
    String header = dict + " ".repeat(Math.max(0, 63 - (10 + dict.length()) % 64)) + "\n";
    ByteBuffer b = ByteBuffer.allocate(10 + header.length() + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
    b.put(header.getBytes(StandardCharsets.US_ASCII));
    return b.array();
  }

  @ParameterizedTest(name = "shape ({0})")
  @CsvSource(delimiter = ';', value = {
      "1000000000000, 384; 64; dimension '1000000000000'",
      "-1, 8; 64; dimension '-1'",
      "4294967296, 1; 64; (4294967296, 1) needs more than 2^31 values",
      "10, 12345678901234567890123; 64; dimension '12345678901234567890123'",
      "10, 0; 0; rows of 0 values",
      "3, 4; 8; needs 48 data bytes, the file holds 8",
      "65536, 65536; 64; more than 2^31 values",
      "2147483000, 1; 64; needs 8589932000 data bytes",
      "1, 2, 3; 24; expected a 1-d or 2-d array"})
  void lyingHeadersAreUserErrors(String shape, int dataBytes, String detail) {
    assertThatThrownBy(() -> Npy.fromBytes(npy(shape, dataBytes), "v.npy")).isInstanceOf(UserException.class)
        .hasMessageStartingWith("v.npy: ").hasMessageContaining(detail);
  }

  @ParameterizedTest(name = "shape ({0})")
  @CsvSource(delimiter = ';', value = {"2, 3; 24; 2; 3", "5,; 20; 1; 5", "0, 7; 0; 0; 7"})
  void honestHeadersStillRead(String shape, int dataBytes, int rows, int dim) {
    Embeddings e = Npy.fromBytes(npy(shape, dataBytes), "v.npy");
    assertThat(e.rows()).isEqualTo(rows);
    assertThat(e.dim()).isEqualTo(dim);
  }
}
