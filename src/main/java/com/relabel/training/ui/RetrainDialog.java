package com.relabel.training.ui;

import com.relabel.engine.DeviceChoice;
import com.relabel.engine.ModelKind;
import com.relabel.security.CurrentUser;
import com.relabel.training.RunSettings;
import com.relabel.training.TrainingRun;
import com.relabel.training.TrainingRuns;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.function.Consumer;

/**
 * The Retrain dialog of a dataset: model, epochs, batch size, learning rate, methods, k of the
 * cross-validation, device and seed, prefilled with the defaults. The server ({@link
 * TrainingRuns#retrain}) decides: admins only, one active run per dataset, known methods; its
 * refusal is shown in the dialog.
 */
public class RetrainDialog extends Dialog {

  private final TrainingRuns runs;
  private final long datasetId;
  private final Consumer<TrainingRun> started;
  private final Select<ModelKind> model = new Select<>();
  private final IntegerField epochs = new IntegerField("Epochs");
  private final IntegerField batchSize = new IntegerField("Batch size");
  private final NumberField learningRate = new NumberField("Learning rate");
  private final CheckboxGroup<String> methods = new CheckboxGroup<>("Methods (none = all)");
  private final IntegerField folds = new IntegerField("Cross-validation k (0 = none)");
  private final Checkbox aumThresholdPass =
      new Checkbox("AUM threshold pass (one more training pass)");
  private final IntegerField cleaningRounds = new IntegerField("Cleaning rounds (0 = none)");
  private final Select<DeviceChoice> device = new Select<>();
  private final TextField seed = new TextField("Seed");
  private final Paragraph error = new Paragraph();

  /**
   * @param defaults the settings shown at first (training.TrainingDefaults)
   * @param started told the run that was queued, after the dialog closed
   */
  public RetrainDialog(
      TrainingRuns runs, long datasetId, RunSettings defaults, Consumer<TrainingRun> started) {
    this.runs = runs;
    this.datasetId = datasetId;
    this.started = started;
    setId("retrain-dialog");
    setHeaderTitle("Retrain");
    model.setLabel("Model");
    model.setId("retrain-model");
    model.setItems(ModelKind.values());
    model.setItemLabelGenerator(
        m ->
            switch (m) {
              case CNN -> "CNN (small images)";
              case WIDE_CNN -> "Wide CNN (small images; twice the filters, several times the time)";
              case LENET -> "LeNet (small images; the earlier default, faster, less precise)";
              case RESNET -> "ResNet (colour photos up to 128x128; residual blocks)";
              case MLP -> "MLP (feature vectors, flattened images)";
            });
    model.setValue(defaults.model());
    model.setHelperText(
        "Text datasets always train the MLP, on the features chosen at import (decision 0038)");
    epochs.setId("retrain-epochs");
    epochs.setMin(1);
    epochs.setMax(500);
    epochs.setStepButtonsVisible(true);
    epochs.setValue(defaults.epochs());
    batchSize.setId("retrain-batch-size");
    batchSize.setMin(1);
    batchSize.setValue(defaults.batchSize());
    learningRate.setId("retrain-learning-rate");
    learningRate.setValue(Double.parseDouble(Float.toString(defaults.learningRate())));
    learningRate.setStep(0.0001);
    methods.setId("retrain-methods");
    methods.setItems(TrainingRuns.methodNames());
    methods.select(defaults.methods());
    methods.setHelperText(
        "aquavs also trains a supervised VAE ("
            + RunSettings.LATENT_EPOCHS
            + " epochs) for its latent space; it runs only when ticked");
    folds.setId("retrain-folds");
    folds.setMin(0);
    folds.setMax(20);
    folds.setHelperText(
        "2 to 20 folds; more folds, better out-of-sample probabilities, longer runs");
    folds.setValue(defaults.folds());
    aumThresholdPass.setId("retrain-aum-threshold");
    aumThresholdPass.setTooltipText(
        "Relabels a random 1/(K+1) of the samples to a fake class and trains once more: the AUM"
            + " of those gives a cut-off below which a sample is probably mislabeled");
    aumThresholdPass.setValue(defaults.aumThresholdPass());
    cleaningRounds.setId("retrain-cleaning-rounds");
    cleaningRounds.setMin(0);
    cleaningRounds.setMax(RunSettings.MAX_CLEANING_ROUNDS);
    cleaningRounds.setStepButtonsVisible(true);
    cleaningRounds.setHelperText(
        "Trains again without the most suspicious samples; 1 helps under heavy noise"
            + " (above about 20%), each round doubles the run time");
    cleaningRounds.setValue(defaults.cleaningRounds());
    device.setLabel("Device");
    device.setId("retrain-device");
    device.setItems(DeviceChoice.values());
    device.setItemLabelGenerator(
        d ->
            switch (d) {
              case AUTO -> "Auto (GPU when there is one)";
              case CPU -> "CPU";
              case GPU -> "GPU";
            });
    device.setValue(defaults.device());
    seed.setId("retrain-seed");
    seed.setValue(Long.toString(defaults.seed()));
    error.setId("retrain-error");
    error.getStyle().set("color", "var(--lumo-error-text-color)");
    error.setVisible(false);

    var form =
        new FormLayout(
            model,
            epochs,
            batchSize,
            learningRate,
            folds,
            cleaningRounds,
            device,
            seed,
            aumThresholdPass,
            methods);
    form.setColspan(methods, 2);
    add(form, error);

    var start = new Button("Start run", e -> start());
    start.setId("retrain-start");
    start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    var close = new Button("Close", e -> close());
    getFooter().add(close, start);
  }

  /** The settings as entered; bad input fails with a message that names the field. */
  RunSettings settings() {
    if (epochs.getValue() == null
        || batchSize.getValue() == null
        || folds.getValue() == null
        || cleaningRounds.getValue() == null) {
      throw new IllegalArgumentException(
          "epochs, batch size, k and cleaning rounds must be whole numbers");
    }
    if (learningRate.getValue() == null) {
      throw new IllegalArgumentException("learning rate must be a number");
    }
    long seedValue;
    try {
      seedValue = Long.parseLong(seed.getValue().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "seed must be a whole number, not '" + seed.getValue() + "'");
    }
    return RunSettings.builder()
        .epochs(epochs.getValue())
        .batchSize(batchSize.getValue())
        .learningRate(learningRate.getValue().floatValue())
        .seed(seedValue)
        .device(device.getValue())
        .methods(new ArrayList<>(methods.getSelectedItems()))
        .folds(folds.getValue())
        .model(model.getValue())
        .aumThresholdPass(aumThresholdPass.getValue())
        .cleaningRounds(cleaningRounds.getValue())
        .build();
  }

  private void start() {
    try {
      TrainingRun run = runs.retrain(datasetId, settings(), CurrentUser.username());
      close();
      started.accept(run);
    } catch (IllegalArgumentException | IllegalStateException e) {
      error.setText(e.getMessage());
      error.setVisible(true);
    }
  }
}
