package org.interestlab.params;

import org.interestlab.UserException;

/**
 * A parameter value that its declaration ({@link ParamSpec}) does not allow, whether it came from
 * Java code, a config file or a command line. The message reads {@code <key>: <problem> — allowed: …},
 * e.g. {@code k: 0 is out of range — allowed: an integer ≥ 1 and ≤ 1000000}; a config loader puts the
 * file and the key path of the section in front.
 */
public class ParameterException extends UserException {
  private static final long serialVersionUID = 1L;

  private final String key;
  private final String value;
  private final String detail;

  /**
   * @param key the parameter's name
   * @param value the bad value as shown to the user ({@code '…'} for text, {@code (empty)} for none)
   * @param detail what is wrong and what is allowed, without the key
   */
  public ParameterException(String key, String value, String detail) {
    this(key, value, detail, key + ": " + detail);
  }

  private ParameterException(String key, String value, String detail, String message) {
    super(message);
    this.key = key;
    this.value = value;
    this.detail = detail;
  }

  /**
   * A value its own declaration allows but another parameter of the same component rules out
   * (ward linkage with cosine distance); the message names the component:
   * {@code <component>: <detail>}.
   */
  public static ParameterException conflict(String component, String key, Object value, String detail) {
    return new ParameterException(key, show(value), detail, component + ": " + detail);
  }

  /** A value outside what {@code spec} allows: {@code <value> <problem> — allowed: <spec's allowed text>}. */
  static ParameterException of(ParamSpec spec, Object raw, String problem) {
    String shown = show(raw);
    return new ParameterException(spec.name(), shown, shown + " " + problem + " — allowed: " + spec.allowedText());
  }

  public String key() {
    return key;
  }

  /** The bad value as shown in the message. */
  public String value() {
    return value;
  }

  /** The message without the leading key: what is wrong and what is allowed. */
  public String detail() {
    return detail;
  }

  /** How values are shown in messages: text quoted, nothing as {@code (empty)}. */
  public static String show(Object v) {
    if (v == null) return "(empty)";
    if (v instanceof String s) return "'" + s + "'";
    if (v instanceof java.util.Map) return "a mapping";
    if (v instanceof java.util.List) return "a list";
    return String.valueOf(v);
  }
}
