package org.rlhfworkbench;

import javafx.application.Application;
import org.rlhfworkbench.cli.RlhfCli;
import org.rlhfworkbench.lm.nd.CpuTuning;
import org.rlhfworkbench.ui.WorkbenchApp;

/**
 * Entry point of the jar and the installers. No arguments, or only {@code --project DIR}: the
 * desktop window. Anything else: the command line ({@code rlhf-workbench --help}). A plain class,
 * because a class extending Application cannot be the main class on a classpath.
 */
public final class Launcher {
    private static final String PROJECT_OPTION = "--project";

    private Launcher() {
    }

    public static void main(String[] args) {
        CpuTuning.apply();  // before libtorch's first allocation and matrix product
        if (args.length == 0) {
            Application.launch(WorkbenchApp.class);
        } else if (args.length == 2 && PROJECT_OPTION.equals(args[0])) {
            openGui(args[1]);
        } else if (args.length == 1 && args[0].startsWith(PROJECT_OPTION + "=")) {
            openGui(args[0].substring(PROJECT_OPTION.length() + 1));
        } else {
            System.exit(RlhfCli.execute(args));
        }
    }

    private static void openGui(String projectDir) {
        System.setProperty(WorkbenchApp.PROJECT_PROPERTY, projectDir);
        Application.launch(WorkbenchApp.class);
    }
}
