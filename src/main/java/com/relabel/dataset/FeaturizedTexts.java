package com.relabel.dataset;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A text file read for training without a database (the headless scorer): the texts' features as 1
 * x D x 1 images with their labels, and the class names. The file is streamed twice (classes, then
 * features); only the features are held.
 *
 * @param features one feature vector per text, in file order, with its label
 * @param classNames the class names, indexed by class ({@link TextClasses})
 */
public record FeaturizedTexts(LabeledImages features, List<String> classNames) {

  public static FeaturizedTexts read(Path file, TextFeaturizer featurizer) throws IOException {
    TextClasses classes = TextImport.scan(file);
    var bytes = new ByteArrayOutputStream();
    List<Integer> labels = new ArrayList<>();
    TextFileReader.read(
        file,
        record -> {
          bytes.write(featurizer.features(record.text()));
          labels.add(classes.indexOf(record.label()));
        });
    int[] given = labels.stream().mapToInt(Integer::intValue).toArray();
    var images =
        new LabeledImages(
            given.length, 1, featurizer.dimension(), 1, bytes.toByteArray(), given, classes.size());
    return new FeaturizedTexts(images, classes.names());
  }
}
