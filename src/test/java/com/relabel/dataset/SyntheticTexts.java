package com.relabel.dataset;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded synthetic text classification data: each topic has its own 40 words, all topics share 300
 * common words; a text is 15 to 40 words, about a third of them from its topic. A {@code noise}
 * share of the labels is flipped to another topic; {@link #trueLabels()} keeps the truth.
 */
public record SyntheticTexts(List<String> texts, int[] labels, int[] trueLabels, int topics) {

  private static final String[] TOPICS = {"sport", "money", "space", "food", "music", "law"};

  public static SyntheticTexts generate(int count, int topics, double noise, long seed) {
    Random random = new Random(seed);
    List<String> texts = new ArrayList<>(count);
    int[] truth = new int[count];
    int[] labels = new int[count];
    var text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      int topic = i % topics;
      truth[i] = topic;
      labels[i] = topic;
      text.setLength(0);
      int words = 15 + random.nextInt(26);
      for (int w = 0; w < words; w++) {
        if (w > 0) {
          text.append(random.nextInt(12) == 0 ? ", " : " ");
        }
        if (random.nextInt(3) == 0) {
          text.append(TOPICS[topic]).append(word(random.nextInt(40)));
        } else {
          text.append("w").append(word(random.nextInt(300)));
        }
      }
      texts.add(text.append('.').toString());
    }
    int flips = (int) Math.round(noise * count);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      order.add(i);
    }
    java.util.Collections.shuffle(order, random);
    for (int j = 0; j < flips; j++) {
      int i = order.get(j);
      labels[i] = (truth[i] + 1 + random.nextInt(topics - 1)) % topics;
    }
    return new SyntheticTexts(texts, labels, truth, topics);
  }

  private static String word(int n) {
    // letters only, so that "sport" + word is one token
    return Character.toString('a' + n % 26) + (char) ('a' + n / 26);
  }

  /** The topic names: the class names of the CSV. */
  public static String topicName(int topic) {
    return TOPICS[topic];
  }

  /** Whether sample {@code i}'s label was flipped. */
  public boolean[] flipped() {
    boolean[] out = new boolean[labels.length];
    for (int i = 0; i < labels.length; i++) {
      out[i] = labels[i] != trueLabels[i];
    }
    return out;
  }

  /** Writes {@code id,text,label} (labels as topic names, texts quoted) to a CSV file. */
  public Path writeCsv(Path file) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("id,text,label\n");
      for (int i = 0; i < texts.size(); i++) {
        w.write(
            "t" + i + ",\"" + texts.get(i).replace("\"", "\"\"") + "\"," + topicName(labels[i]));
        w.write('\n');
      }
    }
    return file;
  }
}
