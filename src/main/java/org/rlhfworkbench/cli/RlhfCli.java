package org.rlhfworkbench.cli;

import java.io.PrintWriter;
import org.rlhfworkbench.lm.nd.CpuTuning;
import org.rlhfworkbench.lm.nd.OmpPool;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The `rlhf` command line: one subcommand per pipeline stage. Exit code 0 on success, 2 on bad
 * usage, 1 on failure with one clear line on stderr.
 */
@Command(name = "rlhf", mixinStandardHelpOptions = true, version = "RLHF Workbench 0.1",
        description = "RLHF Workbench: projects, labels, training and export from the command line.",
        subcommands = {ProjectCommand.class, ImportCommand.class, ExportCommand.class, SampleCorpusCommand.class,
                TokenizeCommand.class, ChatTemplateCommand.class, GenerateCommand.class, LogprobsCommand.class, PretrainCommand.class,
                BenchCommand.class, RlBenchCommand.class, MergeLoraCommand.class, SftCommand.class, RewardCommand.class, RewardEvalCommand.class, RunsCommand.class,
                LabelCommand.class, PpoCommand.class, GrpoCommand.class, DpoCommand.class, OnlineDpoCommand.class, PipelineCommand.class,
                CompareCommand.class, ExportJobCommand.class, ImportModelCommand.class, ArenaCommand.class,
                EvalReportCommand.class})
public final class RlhfCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        CpuTuning.apply();  // before libtorch's first allocation and matrix product
        System.exit(execute(args));
    }

    /** Runs the CLI and returns its exit code (tests call this instead of main). */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cmd = new CommandLine(new RlhfCli());
        addHelp(cmd);
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("error: " + oneLine(e));
            return 1;
        });
        try {
            return cmd.execute(args);
        } finally {
            // a command run inside another (the pipeline's stages) leaves no OpenMP team on this
            // thread to slow down the training threads that follow (OmpPool)
            OmpPool.release();
        }
    }

    /**
     * -h / --help on every subcommand, at any depth: picocli then prints the usage and exits 0
     * instead of first demanding the command's required parameters.
     */
    private static void addHelp(CommandLine cmd) {
        for (CommandLine sub : cmd.getSubcommands().values()) {
            CommandLine.Model.CommandSpec spec = sub.getCommandSpec();
            if (spec.findOption("--help") == null) {
                String[] names = spec.findOption("-h") == null ? new String[] {"-h", "--help"} : new String[] {"--help"};
                spec.addOption(CommandLine.Model.OptionSpec.builder(names).usageHelp(true)
                        .description("Show this help message and exit.").build());
            }
            addHelp(sub);
        }
    }

    private static String oneLine(Throwable e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return msg.replace('\n', ' ');
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }
}
