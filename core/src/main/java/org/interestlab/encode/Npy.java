package org.interestlab.encode;

import org.interestlab.compute.Embeddings;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.interestlab.UserException;
import org.interestlab.compute.AtomicFiles;

/**
 * NumPy's {@code .npy} format for {@link Embeddings}: float32, little-endian, C order, a 2-d shape
 * {@code (rows, dim)}. The header is written exactly as {@code numpy.save} writes it (format 1.0, the
 * dict {@code {'descr': '<f4', 'fortran_order': False, 'shape': (r, d), }}, space-padded so the data
 * starts at a multiple of 64 bytes), so {@code numpy.load} reads the file, and files are byte-identical
 * to numpy's for the same array.
 *
 * <p>Reading accepts format 1.0–3.0, {@code '<f4'} or {@code '<f8'} (converted to float32), C order,
 * 1-d (one row) or 2-d shapes. Writes go to a temporary file renamed into place.
 *
 * <pre>{@code
 * Npy.write(Path.of("vectors.npy"), embeddings);      // python: numpy.load("vectors.npy")
 * Embeddings back = Npy.read(Path.of("vectors.npy"));
 * }</pre>
 */
public final class Npy {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']+)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  private Npy() {}

  /** The file's bytes: header + data. */
  public static byte[] toBytes(Embeddings e) {
    String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + e.rows() + ", " + e.dim() + "), }";
    int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
    int total = (unpadded + 63) / 64 * 64;
    String header = dict + " ".repeat(total - unpadded) + "\n";
    ByteBuffer buf = ByteBuffer.allocate(total + 4 * e.data().length).order(ByteOrder.LITTLE_ENDIAN);
    buf.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
    buf.put(header.getBytes(StandardCharsets.US_ASCII));
    buf.asFloatBuffer().put(e.data());
    return buf.array();
  }

  /** Writes {@code e} to {@code file} (temporary file + rename, so readers never see half a file). */
  public static void write(Path file, Embeddings e) throws IOException {
    AtomicFiles.write(file, toBytes(e));
  }

  /**
   * Reads a {@code .npy} file through a read-only memory map: the floats are copied once, from the
   * operating system's page cache into the array (no whole-file byte array in between, which for a
   * 300 MB file would be allocated, filled and copied again).
   */
  public static Embeddings read(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size > Integer.MAX_VALUE) {
        throw new UserException(file + ": " + size + " bytes — allowed: .npy files up to 2 GB (split the vectors into several files)");
      }
      return fromBuffer(channel.map(FileChannel.MapMode.READ_ONLY, 0, size), file.toString());
    }
  }

  /** Parses {@code .npy} bytes; {@code source} names them in error messages. */
  public static Embeddings fromBytes(byte[] bytes, String source) {
    return fromBuffer(ByteBuffer.wrap(bytes), source);
  }

  private static Embeddings fromBuffer(ByteBuffer bytes, String source) {
    ByteBuffer buf = bytes.order(ByteOrder.LITTLE_ENDIAN);
    for (byte m : MAGIC) {
      if (!buf.hasRemaining() || buf.get() != m) throw new UserException(source + ": not a .npy file (bad magic)");
    }
    int major = buf.get();
    buf.get();
    int headerLen = major == 1 ? Short.toUnsignedInt(buf.getShort()) : buf.getInt();
    if (major < 1 || major > 3 || headerLen < 0 || headerLen > buf.remaining()) {
      throw new UserException(source + ": unsupported .npy version " + major + " or bad header length");
    }
    byte[] h = new byte[headerLen];
    buf.get(h);
    String header = new String(h, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    String descr = group(DESCR, header, source, "descr");
    if (group(FORTRAN, header, source, "fortran_order").equals("True")) {
      throw new UserException(source + ": Fortran-order arrays are not supported (save with numpy.ascontiguousarray)");
    }
    if (!descr.equals("<f4") && !descr.equals("<f8")) {
      throw new UserException(source + ": dtype '" + descr + "' not supported — save as float32 ('<f4') or float64");
    }
    String shapeText = group(SHAPE, header, source, "shape");
    List<Long> shape = shape(shapeText, source);
    long rows;
    long dim;
    if (shape.size() == 2) {
      rows = shape.get(0);
      dim = shape.get(1);
    } else if (shape.size() == 1) {
      rows = 1;
      dim = shape.get(0);
    } else {
      throw new UserException(source + ": expected a 1-d or 2-d array, the header's shape is (" + shapeText.trim() + ")");
    }
    if (dim == 0 && rows > 0) throw new UserException(source + ": the header's shape (" + shapeText.trim() + ") has rows of 0 values — allowed: d ≥ 1");
    int itemSize = descr.equals("<f8") ? 8 : 4;
    // The header is checked against the bytes present before anything is allocated: a lying header
    // must not reserve memory the file cannot fill.
    boolean tooMany = rows > Integer.MAX_VALUE || dim > Integer.MAX_VALUE || rows != 0 && dim > (Integer.MAX_VALUE - 8L) / rows;
    long need = tooMany ? 0 : rows * dim;
    if (tooMany || need * itemSize > buf.remaining()) {
      throw new UserException(source + ": the header's shape (" + shapeText.trim() + ") needs "
          + (tooMany ? "more than 2^31 values" : need * itemSize + " data bytes") + ", the file holds " + buf.remaining()
          + " — truncated, or not written by numpy.save");
    }
    int n = (int) need;
    float[] data = new float[n];
    if (descr.equals("<f4")) buf.asFloatBuffer().get(data);
    else for (int i = 0; i < n; i++) data[i] = (float) buf.getDouble();
    return new Embeddings((int) rows, (int) dim, data);
  }

  /** The dimensions of a header's shape: non-negative integers of at most 10 digits (a larger one cannot fit in memory). */
  private static List<Long> shape(String text, String source) {
    List<Long> out = new ArrayList<>();
    for (String s : text.split(",")) {
      String t = s.trim();
      if (t.isEmpty()) continue;
      if (!t.matches("\\d{1,10}L?")) {
        throw new UserException(source + ": the header's shape (" + text.trim() + ") has dimension '" + (t.length() > 30 ? t.substring(0, 30) + "…" : t)
            + "' — allowed: non-negative integers that fit in memory");
      }
      out.add(Long.parseLong(t.endsWith("L") ? t.substring(0, t.length() - 1) : t));
    }
    return out;
  }

  private static String group(Pattern p, String header, String source, String key) {
    Matcher m = p.matcher(header);
    if (!m.find()) throw new UserException(source + ": .npy header lacks '" + key + "': " + header.trim());
    return m.group(1);
  }
}
