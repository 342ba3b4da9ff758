/**
 * Parameters declared once, beside each component: {@link org.interestlab.params.ParamSpec} (name, type, range,
 * default, one-line doc), {@link org.interestlab.params.ParamList} (a component's declarations, read by both its
 * constructor and the registry), {@link org.interestlab.params.Params} (validated values) and
 * {@link org.interestlab.params.ComponentSpec} (kind + declarations + factory). A bad value from Java or from a
 * config is one {@link org.interestlab.params.ParameterException} naming the key, the value and what is allowed.
 * The lowest layer above the root package: it imports nothing else of the project.
 */
package org.interestlab.params;
