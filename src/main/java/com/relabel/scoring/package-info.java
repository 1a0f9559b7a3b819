/**
 * Noise scoring: how suspicious is each training label? Plain Java, no framework (only {@code
 * java.*}, checked by ModularityTests): recorded {@link com.relabel.scoring.TrainingDynamics} in,
 * one {@link com.relabel.scoring.MethodScores} per method out.
 *
 * <ul>
 *   <li>Rank: every method is a {@link com.relabel.scoring.NoiseScorer} chosen by name through a
 *       {@link com.relabel.scoring.ScorerRegistry}; {@link com.relabel.scoring.RankAverageEnsemble}
 *       combines them and {@link com.relabel.scoring.MethodAgreement} says which methods flag which
 *       sample; {@link com.relabel.scoring.ReviewWeightedEnsemble} learns its weights from reviews.
 *   <li>Methods: {@link com.relabel.scoring.ScorerRegistry#all} lists every one; {@link
 *       com.relabel.scoring.ScorerRegistry#forDynamics} takes those whose inputs are present:
 *       training loss, cartography confidence and correctness, AUM, confident learning ({@link
 *       com.relabel.scoring.ConfidentLearning}), the margin, a loss mixture, last-layer
 *       self-influence and, with embeddings, kNN label disagreement (its neighbours searched once
 *       and kept), with soft targets soft labels, with a VAE's latent means AQUAVS.
 *   <li>Explain: {@link com.relabel.scoring.Cartography} draws the data map; {@link
 *       com.relabel.scoring.Suggestions} proposes a label for every sample.
 *   <li>Other issues: {@link com.relabel.scoring.EmbeddingIssues} finds near-duplicate pairs and
 *       outliers far from every class in the run's embeddings, with the neighbours already
 *       searched.
 *   <li>Benchmark: {@link com.relabel.scoring.NoiseInjector} corrupts clean labels with a seed and
 *       {@link com.relabel.scoring.Evaluation} measures how well scores find the flips.
 * </ul>
 *
 * <p>Every method is deterministic and {@code O(n log n)} or better in the number of samples,
 * except the exact kNN search, {@code O(n^2 d)} time but {@code O(n k)} memory.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package com.relabel.scoring;
