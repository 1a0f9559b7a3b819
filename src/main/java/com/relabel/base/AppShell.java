package com.relabel.base;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.lumo.Lumo;

/** Page-wide settings: the Lumo theme, our stylesheet, and server push for live updates. */
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/relabel.css")
public class AppShell implements AppShellConfigurator {}
