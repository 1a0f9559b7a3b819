/**
 * Views of the training module, and the components other modules' views reuse ({@link
 * com.relabel.training.ui.RetrainDialog}, {@link com.relabel.training.ui.RunProgressPanel}),
 * exposed as the named interface "ui".
 */
@org.springframework.modulith.NamedInterface("ui")
package com.relabel.training.ui;
