/**
 * Presentation and statistics shared by the paper audits ({@code attnlab reproduce <paper>}): CSV tables,
 * figures (PNG + SVG), a progress bar, and the small statistics the claims use (quantiles, log-log slopes,
 * deterministic bootstraps). Outside the core: may use Commons CSV and XChart. Depends on the audit layer
 * ({@link org.attnlab.audit}: rows, progress) and never on {@code experiments}; the audit contract, the
 * checkpointed run of unit families, the verdict rule and the writers of {@code claims.json} and
 * {@code report.md} are in {@link org.attnlab.audit}.
 *
 * <table>
 *   <caption>Classes</caption>
 *   <tr><th>Class</th><th>Role</th><th>Guarantee</th></tr>
 *   <tr><td>{@link org.attnlab.report.CsvTable}</td><td>CSV, fixed column order</td>
 *       <td>RFC 4180, {@code \n}, cells verbatim</td></tr>
 *   <tr><td>{@link org.attnlab.report.Plot}</td><td>figures: panels of lines, markers, dashed lines, bands;
 *       log axes; {@code rows x cols} grids</td><td>PNG and SVG side by side</td></tr>
 *   <tr><td>{@link org.attnlab.report.ConsoleProgress}</td><td>progress bar with ETA on stderr</td>
 *       <td>one line per 5% when not a terminal or when {@code CI} is set</td></tr>
 *   <tr><td>{@link org.attnlab.report.Stats}</td><td>quantiles, log-log slope, bootstrap</td>
 *       <td>bootstrap replicate b uses {@code RandomStreams.stream(seed, BOOTSTRAP, b)}: deterministic</td></tr>
 * </table>
 *
 * <h2>Byte identity</h2>
 * What an audit promises to be byte-identical across thread counts, interruptions and engines is whatever it
 * builds from the unit results in plan order ({@code claims.json}, the results CSV). Wall-clock timings are
 * not: they go to separate files. Figures (PNG/SVG) are drawn from the same numbers but their encoders are not
 * promised to be byte-stable.
 *
 * <h2>Notation</h2>
 * <table>
 *   <caption>Notation</caption>
 *   <tr><th>Symbol</th><th>Meaning</th></tr>
 *   <tr><td>x_k</td><td>the sizes of a sweep (e.g. sample counts M), k = 0..K-1</td></tr>
 *   <tr><td>e_{k,s}</td><td>the error of seed s at size x_k</td></tr>
 *   <tr><td>med_k</td><td>median over seeds of e_{k,s}</td></tr>
 *   <tr><td>b</td><td>least-squares slope of log med_k on log x_k</td></tr>
 *   <tr><td>B</td><td>number of bootstrap replicates</td></tr>
 * </table>
 */
package org.attnlab.report;
