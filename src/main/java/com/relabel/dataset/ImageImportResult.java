package com.relabel.dataset;

import java.util.List;

/**
 * What an image-folder import stored.
 *
 * @param dataset the new dataset
 * @param images how many samples it has
 * @param classNames its classes, by index
 * @param height the stored image height
 * @param width the stored image width
 * @param channels 1 (every image was grayscale) or 3 (RGB)
 * @param resized how many images were resized to that shape
 */
public record ImageImportResult(
    Dataset dataset,
    int images,
    List<String> classNames,
    int height,
    int width,
    int channels,
    int resized) {

  /** One line for the user, e.g. "600 images, 3 classes, 28x28 gray (12 resized)". */
  public String summary() {
    return "%,d images, %d classes, %dx%d %s (%,d resized)"
        .formatted(
            images, classNames.size(), width, height, channels == 1 ? "gray" : "RGB", resized);
  }
}
