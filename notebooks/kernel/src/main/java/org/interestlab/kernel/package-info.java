/**
 * A Jupyter kernel for Java in the IJava family: JShell behind the Jupyter messaging protocol (5.x)
 * from {@code jupyter-jvm-basekernel}.
 *
 * <p>Class loaders, from the kernel outwards: the system loader holds the shaded kernel jar (the base
 * kernel's own dependencies relocated, its display API under its original package); the
 * {@link org.interestlab.kernel.ProjectClassLoader} adds InterestLab, Tablesaw and their dependencies
 * (from {@code classpath.txt}); the {@link org.interestlab.kernel.CellClassLoader} defines the cells'
 * classes and looks in jars added with {@code %jars}/{@code %classpath} before its parents, so a
 * user's newer library wins inside cells.
 */
package org.interestlab.kernel;
