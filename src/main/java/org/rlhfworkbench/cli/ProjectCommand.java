package org.rlhfworkbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rlhfworkbench.core.ProjectCounts;
import org.rlhfworkbench.jobs.label.PromptFormat;
import org.rlhfworkbench.store.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `rlhf project new DIR` and `rlhf project info DIR [--json]`. */
@Command(name = "project", description = "Create a project or show what it holds.",
        subcommands = {ProjectCommand.New.class, ProjectCommand.Sample.class, ProjectCommand.Info.class,
                ProjectCommand.Set.class})
final class ProjectCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "expected 'new' or 'info'");
    }

    @Command(name = "new", description = "Create an empty project folder (project.db, models/, runs/).")
    static final class New implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "folder of the new project")
        Path dir;

        @Override
        public Integer call() {
            try (Project p = Project.create(dir)) {
                spec.commandLine().getOut().println("created project '" + p.name() + "' in " + p.dir()
                        + " (schema v" + p.schemaVersion() + ")");
            }
            return 0;
        }
    }

    @Command(name = "sample", description = "Create the bundled sample project (200 prompts, 120 demonstrations,"
            + " the tiny base model) in DIR.")
    static final class Sample implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "folder of the new sample project")
        Path dir;

        @Override
        public Integer call() {
            if (Project.isProject(dir)) {
                throw new IllegalArgumentException(dir.toAbsolutePath() + " is already a project");
            }
            Path made = org.rlhfworkbench.jobs.SampleProjects.createAt(dir);
            spec.commandLine().getOut().println("created the sample project in " + made);
            return 0;
        }
    }

    @Command(name = "set", description = "Set a project setting: k, temperature, top_p, top_k, max_new_tokens, ratings,"
            + " criteria, guidelines, prompt_format (chat or plain), prompt_template, policy_model.")
    static final class Set implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "project folder")
        Path dir;

        @Parameters(index = "1", paramLabel = "KEY", description = "setting name")
        String key;

        @Parameters(index = "2", paramLabel = "VALUE", description = "new value")
        String value;

        @Override
        public Integer call() {
            if (PromptFormat.META_FORMAT.equals(key)) {
                new PromptFormat(value, null); // refuses anything but chat / plain, naming the setting
            } else if (PromptFormat.META_TEMPLATE.equals(key)) {
                new PromptFormat(PromptFormat.PLAIN, value); // refuses a template without {prompt}
            }
            try (Project p = Project.open(dir)) {
                p.meta().put(key, value);
            }
            spec.commandLine().getOut().println(key + " = " + value);
            return 0;
        }
    }

    @Command(name = "info", description = "Counts of prompts, generations, rankings, pairs, demonstrations, models, runs.")
    static final class Info implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "project folder")
        Path dir;

        @Option(names = "--json", description = "print the counts as one JSON object")
        boolean json;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (Project p = Project.openReadOnly(dir)) {
                ProjectCounts c = p.counts();
                if (json) {
                    ObjectNode o = new ObjectMapper().valueToTree(c);
                    o.put("name", p.name());
                    o.put("schemaVersion", p.schemaVersion());
                    out.println(new ObjectMapper().writeValueAsString(o));
                } else {
                    out.printf("project        %s (%s, schema v%d)%n", p.name(), p.dir(), p.schemaVersion());
                    out.printf("prompts        %d%n", c.prompts());
                    out.printf("generations    %d%n", c.generations());
                    out.printf("rankings       %d%n", c.rankings());
                    out.printf("pairs          %d%n", c.pairs());
                    out.printf("demonstrations %d%n", c.demonstrations());
                    out.printf("models         %d%n", c.models());
                    out.printf("runs           %d%n", c.runs());
                    out.printf("comparisons    %d%n", c.comparisons());
                }
            }
            return 0;
        }
    }
}
