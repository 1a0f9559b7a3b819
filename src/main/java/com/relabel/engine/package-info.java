/**
 * The training engine: trains a network on labelled images with DJL and records every sample's
 * training dynamics for the noise scorers. Plain Java and DJL, no Spring, JPA or Vaadin (checked by
 * ModularityTests), so a benchmark, the command line or another application can train without the
 * web application; the {@code training} module runs it as jobs and stores what it returns (decision
 * 0040).
 *
 * <ul>
 *   <li>Entry: {@link com.relabel.engine.NoiseTrainingPipeline} = {@link
 *       com.relabel.engine.ImageClassifierTrainer} (one run, dynamics after every epoch) + optional
 *       {@link com.relabel.engine.CrossValidatedPredictions}, {@link
 *       com.relabel.engine.CleaningRound}s, {@link com.relabel.engine.LatentSpaceTrainer} (a
 *       supervised VAE for AQUAVS) and {@link com.relabel.engine.AumThresholdPass}; settings in
 *       {@link com.relabel.engine.TrainingOptions}, result a {@link
 *       com.relabel.engine.TrainingResult}; both trainers are {@link
 *       com.relabel.engine.ImageTrainer}s and train on {@link com.relabel.engine.SplitImages} (the
 *       images and the samples held out of training).
 *   <li>Networks: {@link com.relabel.engine.ModelKind} picks {@link com.relabel.engine.SmallCnn},
 *       {@link com.relabel.engine.LeNet}, {@link com.relabel.engine.SmallResNet} (colour photos,
 *       the default above 32x32) or {@link com.relabel.engine.SmallMlp}, each built as a {@link
 *       com.relabel.engine.ClassifierNetwork} split into embedding and head; {@link
 *       com.relabel.engine.Augmentation} varies colour images while training.
 *   <li>Device: {@link com.relabel.engine.DeviceChoice}, resolved on this machine by {@link
 *       com.relabel.engine.ImageClassifierTrainer#deviceFor}.
 *   <li>Hooks: {@link com.relabel.engine.TrainingProgress} hears every batch and epoch and may
 *       cancel ({@link com.relabel.engine.TrainingCancelledException}).
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"dataset", "scoring"})
package com.relabel.engine;
