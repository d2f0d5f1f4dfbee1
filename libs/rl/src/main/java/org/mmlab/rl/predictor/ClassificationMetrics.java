package org.mmlab.rl.predictor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Three-class classification quality: accuracy, macro-F1 (the unweighted mean of the per-class F1,
 * so the rare up and down classes count as much as flat), per-class precision and recall, and the
 * confusion matrix (rows: true class, columns: predicted class, both in {@link Labels} order).
 *
 * <p>A class never predicted has precision 0, a class never present recall 0 (scikit-learn's {@code
 * zero_division=0}).
 *
 * @param samples samples scored
 * @param accuracy share predicted right
 * @param macroF1 mean F1 over the three classes
 * @param precision per class
 * @param recall per class
 * @param support true samples per class
 * @param confusion {@code confusion[true][predicted]}
 */
public record ClassificationMetrics(
    long samples,
    double accuracy,
    double macroF1,
    double[] precision,
    double[] recall,
    long[] support,
    long[][] confusion) {

  /**
   * Scores predictions on {@code [from, to)}; samples whose truth or prediction is {@link
   * Labels#NONE} are skipped.
   *
   * @param truth true labels
   * @param predicted predicted labels
   * @param from first index
   * @param to end index (exclusive)
   * @return the metrics
   */
  public static ClassificationMetrics of(int[] truth, int[] predicted, int from, int to) {
    int k = Labels.CLASSES;
    long[][] c = new long[k][k];
    long n = 0;
    for (int i = from; i < to; i++) {
      if (truth[i] == Labels.NONE || predicted[i] == Labels.NONE) {
        continue;
      }
      c[truth[i]][predicted[i]]++;
      n++;
    }
    return fromConfusion(c, n);
  }

  private static ClassificationMetrics fromConfusion(long[][] c, long n) {
    int k = c.length;
    double[] precision = new double[k];
    double[] recall = new double[k];
    long[] support = new long[k];
    long correct = 0;
    double f1Sum = 0;
    for (int j = 0; j < k; j++) {
      long tp = c[j][j];
      long predictedJ = 0;
      long trueJ = 0;
      for (int i = 0; i < k; i++) {
        predictedJ += c[i][j];
        trueJ += c[j][i];
      }
      correct += tp;
      support[j] = trueJ;
      precision[j] = predictedJ > 0 ? (double) tp / predictedJ : 0;
      recall[j] = trueJ > 0 ? (double) tp / trueJ : 0;
      double pr = precision[j] + recall[j];
      f1Sum += pr > 0 ? 2 * precision[j] * recall[j] / pr : 0;
    }
    return new ClassificationMetrics(
        n, n > 0 ? (double) correct / n : 0, f1Sum / k, precision, recall, support, c);
  }

  /**
   * The metrics as JSON-ready values, classes by name.
   *
   * @return an ordered map
   */
  public Map<String, Object> toJsonMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("samples", samples);
    m.put("accuracy", accuracy);
    m.put("macroF1", macroF1);
    Map<String, Object> perClass = new LinkedHashMap<>();
    for (int j = 0; j < Labels.CLASSES; j++) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("precision", precision[j]);
      one.put("recall", recall[j]);
      one.put("support", support[j]);
      perClass.put(Labels.names().get(j), one);
    }
    m.put("perClass", perClass);
    m.put("confusion", confusion);
    return m;
  }
}
