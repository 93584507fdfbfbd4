/**
 * Reading and writing attnlab's data files (see {@code spec/data-format.md}): model-A data sets as CSV in
 * long format ({@link org.attnlab.io.DatasetCsv}), ground truths as JSON ({@link org.attnlab.io.GroundTruthJson}),
 * every file written through {@link org.attnlab.io.AtomicFiles}. Readers validate everything and fail with an
 * {@link java.lang.IllegalArgumentException} naming the file, line or field, column, rule and value.
 *
 * <table>
 *   <caption>Notation</caption>
 *   <tr><th>symbol</th><th>meaning</th><th>file</th></tr>
 *   <tr><td>M, N, d</td><td>samples, tokens per sample, dimension</td><td>inferred from data.csv; fields of truth.json</td></tr>
 *   <tr><td>m, i</td><td>0-based sample and token index</td><td>columns {@code sample}, {@code token}</td></tr>
 *   <tr><td>Y_i^m</td><td>output</td><td>column {@code y}</td></tr>
 *   <tr><td>X_i^m</td><td>token</td><td>columns {@code x1..xd}</td></tr>
 *   <tr><td>A*</td><td>interaction matrix</td><td>field {@code a} (list of rows)</td></tr>
 * </table>
 */
package org.attnlab.io;
