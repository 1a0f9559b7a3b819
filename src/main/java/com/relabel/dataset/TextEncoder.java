package com.relabel.dataset;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BooleanSupplier;

/**
 * A pretrained sentence encoder, all-MiniLM-L6-v2 (quantised to 8 bits), run in this process on the
 * CPU by ONNX Runtime: a text becomes 384 numbers, the mean of the model's token vectors scaled to
 * unit length, so that texts that mean the same lie close together (decision 0038). The model and
 * its tokenizer are read from the class path (LangChain4j's model jar on Maven Central), so nothing
 * is fetched at run time. Deterministic: the same text gives the same vector on every call.
 *
 * <p>An encoder holds about 25 MB of model and is safe to use from several threads; texts are cut
 * at {@link #MAX_TOKENS} word pieces, the length the model was trained on.
 *
 * <p>{@link #close()} frees the native session, but only between two calls of the model: closing it
 * under a running call crashed the JVM (SIGSEGV in libonnxruntime.so, issue 15). One rule for every
 * encoder: whoever loads it owns it and closes it. The application context owns one ({@code
 * TextEncoderConfig}) and closes it when it shuts down, after the background imports have stopped
 * ({@link BackgroundImports}); the command line owns one for as long as it reads a text file.
 */
public final class TextEncoder implements AutoCloseable {

  /** The name stored with every vector, so a vector is never read as another model's. */
  public static final String MODEL = "all-minilm-l6-v2-q";

  public static final int DIMENSION = 384;

  /** Word pieces per text, [CLS] and [SEP] included; the rest of a long text is not read. */
  public static final int MAX_TOKENS = 128;

  /**
   * Texts per call of the model: padding to the longest of a batch costs little when it is small.
   */
  private static final int BATCH = 32;

  private static final String MODEL_RESOURCE = "/" + MODEL + ".onnx";
  private static final String TOKENIZER_RESOURCE = "/" + MODEL + "-tokenizer.json";

  private final OrtEnvironment environment;
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;

  /** Model calls hold the read lock, {@link #close()} the write lock. */
  private final ReadWriteLock calls = new ReentrantReadWriteLock();

  private boolean closed; // guarded by calls

  private TextEncoder(int threads) {
    try (InputStream model = resource(MODEL_RESOURCE);
        InputStream vocabulary = resource(TOKENIZER_RESOURCE)) {
      environment = OrtEnvironment.getEnvironment();
      var options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(threads);
      options.setInterOpNumThreads(1);
      session = environment.createSession(model.readAllBytes(), options);
      tokenizer =
          HuggingFaceTokenizer.newInstance(
              vocabulary,
              Map.of(
                  "maxLength", String.valueOf(MAX_TOKENS),
                  "truncation", "true",
                  "padding", "false"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (OrtException e) {
      throw new IllegalStateException("the sentence encoder could not be loaded: " + e, e);
    }
  }

  /** Whether the model is on the class path (it is in every build of this application). */
  public static boolean available() {
    return TextEncoder.class.getResource(MODEL_RESOURCE) != null;
  }

  /**
   * A new encoder using as many threads as there are cores; whoever loads it closes it. The
   * application has one ({@code TextEncoderConfig}); the command line loads one per text file it
   * reads ({@link FeaturizedTexts#read(java.nio.file.Path, TextFeatures)}); tests load one per test
   * class or take the application's.
   */
  public static TextEncoder load() {
    return new TextEncoder(Runtime.getRuntime().availableProcessors());
  }

  /** One unit-length vector of {@link #DIMENSION} numbers per text, in the order given. */
  public float[][] encode(List<String> texts) {
    return encode(texts, () -> false);
  }

  /**
   * As {@link #encode(List)}, asking {@code stop} before each batch of 32 texts: when it answers
   * true, nothing more is encoded and an {@link ImportStoppedException} is thrown (a batch takes
   * about a second on 2 cores, so a shutdown waits no longer than that).
   */
  public float[][] encode(List<String> texts, BooleanSupplier stop) {
    Encoding[] encodings;
    calls.readLock().lock();
    try {
      checkOpen();
      encodings = tokenizer.batchEncode(texts);
    } finally {
      calls.readLock().unlock();
    }
    // shortest first, so that the texts of one batch have about the same length
    Integer[] order = new Integer[texts.size()];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingInt(i -> encodings[i].getIds().length));
    float[][] out = new float[texts.size()][];
    for (int from = 0; from < order.length; from += BATCH) {
      if (stop.getAsBoolean()) {
        throw new ImportStoppedException(
            "encoding stopped after %,d of %,d texts".formatted(from, order.length));
      }
      int to = Math.min(order.length, from + BATCH);
      encodeBatch(encodings, Arrays.copyOfRange(order, from, to), out);
    }
    return out;
  }

  /** The vector of one text. */
  public float[] encode(String text) {
    return encode(List.of(text))[0];
  }

  private void encodeBatch(Encoding[] encodings, Integer[] rows, float[][] out) {
    int length = encodings[rows[rows.length - 1]].getIds().length;
    long[][] ids = new long[rows.length][length];
    long[][] mask = new long[rows.length][length];
    long[][] types = new long[rows.length][length];
    for (int r = 0; r < rows.length; r++) {
      long[] tokens = encodings[rows[r]].getIds();
      System.arraycopy(tokens, 0, ids[r], 0, tokens.length);
      Arrays.fill(mask[r], 0, tokens.length, 1L);
    }
    calls.readLock().lock();
    try {
      checkOpen();
      run(ids, mask, types, rows, out);
    } finally {
      calls.readLock().unlock();
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException(
          "the sentence encoder is closed: the application is shutting down");
    }
  }

  private void run(long[][] ids, long[][] mask, long[][] types, Integer[] rows, float[][] out) {
    try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, ids);
        OnnxTensor maskTensor = OnnxTensor.createTensor(environment, mask);
        OnnxTensor typeTensor = OnnxTensor.createTensor(environment, types);
        OrtSession.Result result =
            session.run(
                Map.of(
                    "input_ids", idTensor,
                    "attention_mask", maskTensor,
                    "token_type_ids", typeTensor))) {
      float[][][] tokens = (float[][][]) result.get(0).getValue();
      for (int r = 0; r < rows.length; r++) {
        out[rows[r]] = meanOfUnmasked(tokens[r], mask[r]);
      }
    } catch (OrtException e) {
      throw new IllegalStateException("the sentence encoder failed: " + e.getMessage(), e);
    }
  }

  /**
   * Frees the model's native session and tokenizer once the model call under way (if any) has
   * returned; later calls are refused with an {@link IllegalStateException}. Idempotent.
   */
  @Override
  public void close() {
    calls.writeLock().lock();
    try {
      if (!closed) {
        closed = true;
        tokenizer.close();
        session.close();
      }
    } catch (OrtException e) {
      throw new IllegalStateException("the sentence encoder could not be closed: " + e, e);
    } finally {
      calls.writeLock().unlock();
    }
  }

  /** Whether {@link #close()} has freed the model. */
  public boolean isClosed() {
    calls.readLock().lock();
    try {
      return closed;
    } finally {
      calls.readLock().unlock();
    }
  }

  /** The mean of the token vectors that are not padding, scaled to unit length. */
  private static float[] meanOfUnmasked(float[][] tokens, long[] mask) {
    float[] v = new float[tokens[0].length];
    for (int t = 0; t < tokens.length; t++) {
      if (mask[t] == 1L) {
        for (int d = 0; d < v.length; d++) {
          v[d] += tokens[t][d];
        }
      }
    }
    double norm = 0;
    for (float x : v) {
      norm += (double) x * x;
    }
    float scale = norm == 0 ? 0f : (float) (1 / Math.sqrt(norm));
    for (int d = 0; d < v.length; d++) {
      v[d] *= scale;
    }
    return v;
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = TextEncoder.class.getResourceAsStream(name);
    if (in == null) {
      throw new IOException("the sentence encoder's " + name + " is not on the class path");
    }
    return in;
  }
}
