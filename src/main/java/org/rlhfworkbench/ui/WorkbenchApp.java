package org.rlhfworkbench.ui;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.rlhfworkbench.jobs.ComputeDevice;
import org.rlhfworkbench.jobs.ProjectService;
import org.rlhfworkbench.jobs.ThreadPoolBackgroundExecutor;
import org.rlhfworkbench.jobs.label.LabelingService;
import org.rlhfworkbench.jobs.run.TrainingSlot;
import org.rlhfworkbench.ui.label.LabelServiceSwitcher;
import org.rlhfworkbench.ui.label.LabelView;
import org.rlhfworkbench.ui.label.LabelViewModel;
import org.rlhfworkbench.ui.label.PreferencesKeyMapStore;
import org.rlhfworkbench.jobs.chat.ProjectChatService;
import org.rlhfworkbench.jobs.eval.ProjectArenaBackend;
import org.rlhfworkbench.ui.chat.ChatView;
import org.rlhfworkbench.ui.chat.ChatViewModel;
import org.rlhfworkbench.ui.dpo.DpoView;
import org.rlhfworkbench.ui.evaluate.ArenaView;
import org.rlhfworkbench.ui.evaluate.ArenaViewModel;
import org.rlhfworkbench.ui.dpo.DpoViewModel;
import org.rlhfworkbench.ui.grpo.GrpoView;
import org.rlhfworkbench.ui.grpo.GrpoViewModel;
import org.rlhfworkbench.ui.ppo.PpoView;
import org.rlhfworkbench.ui.ppo.PpoViewModel;
import org.rlhfworkbench.ui.models.ModelsView;
import org.rlhfworkbench.ui.models.ModelsViewModel;
import org.rlhfworkbench.ui.project.MainViewModel;
import org.rlhfworkbench.ui.reward.RewardView;
import org.rlhfworkbench.ui.reward.RewardViewModel;
import org.rlhfworkbench.ui.sft.SftView;
import org.rlhfworkbench.ui.sft.SftViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop application. Opens the project named by the system property {@value #PROJECT_PROPERTY}
 * (set by {@code Launcher --project DIR}), else the last opened one, else the bundled sample;
 * the opening runs on the background worker. The Label tab gets a labeling service for each
 * opened project from {@link #labelingServices()}.
 */
public final class WorkbenchApp extends Application {
    public static final String PROJECT_PROPERTY = "rlhf.project";
    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchApp.class);
    private static final java.time.Duration QUIT_WAIT = java.time.Duration.ofMinutes(2);

    private ThreadPoolBackgroundExecutor executor;
    private ProjectService projectService;
    private LabelServiceSwitcher labeling;
    private SftViewModel sft;
    private RewardViewModel reward;
    private PpoViewModel ppo;
    private DpoViewModel dpo;
    private GrpoViewModel grpo;
    private ArenaViewModel arena;
    private ChatViewModel chat;

    @Override
    public void start(Stage stage) {
        executor = new ThreadPoolBackgroundExecutor(Platform::runLater);
        projectService = ProjectService.withDefaultHome();
        MainViewModel viewModel = new MainViewModel(executor, projectService);
        LabelViewModel labelViewModel = new LabelViewModel(executor, PreferencesKeyMapStore.forUser());
        labeling = new LabelServiceSwitcher(executor, labelingServices(), labelViewModel);
        viewModel.browser().addOpenListener(labelViewModel::openPrompt);
        projectService.addListener(change -> Platform.runLater(() -> labeling.projectChanged(change)));
        sft = new SftViewModel(executor, projectService);
        reward = new RewardViewModel(executor, projectService);
        ppo = new PpoViewModel(executor, projectService);
        dpo = new DpoViewModel(executor, projectService);
        grpo = new GrpoViewModel(executor, projectService);
        arena = new ArenaViewModel(executor, new ProjectArenaBackend(projectService));
        chat = new ChatViewModel(executor, () -> new ProjectChatService(projectService.project()));
        viewModel.projectPathProperty().addListener((obs, old, dir) -> {
            labeling.projectChanged(dir == null || dir.isEmpty() ? null : Path.of(dir));
            if (dir != null && !dir.isEmpty()) {
                sft.projectChanged();
                reward.projectChanged();
                ppo.projectChanged();
                dpo.projectChanged();
                grpo.projectChanged();
                arena.projectChanged();
                chat.projectChanged();
            }
        });
        ModelsViewModel models = new ModelsViewModel(executor, projectService);
        WindowMemory window = WindowMemory.forUser();
        window.restoreBounds(stage);
        MainWindow.show(stage, viewModel, java.util.Map.of("Models", new ModelsView(models), "Label", new LabelView(labelViewModel),
                "SFT", new SftView(sft), "Reward", new RewardView(reward), "PPO", new PpoView(ppo),
                "GRPO", new GrpoView(grpo), "DPO", new DpoView(dpo), "Evaluate", new ArenaView(arena),
                "Chat", new ChatView(chat)));
        window.attach(stage);
        stage.setOnCloseRequest(e -> {
            if (trainingActive() && !confirmQuit()) {
                e.consume();
            }
        });
        LOG.info("Main window shown {} ms after the JVM started",
                System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
        viewModel.openAtStart(requestedProject());
        viewModel.detectDevice(ComputeDevice::statusText);
    }

    /**
     * Makes the labeling service of an opened project; runs on the background worker. Returns
     * null until the project's policy model is wired in (ProjectLabelingService): the Label tab
     * then shows "No policy model".
     */
    Function<Path, LabelingService> labelingServices() {
        return org.rlhfworkbench.jobs.label.ProjectLabelingServices.of(projectService);
    }

    private boolean trainingActive() {
        return TrainingSlot.active().isPresent() || ppo.runningProperty().get() || sft.runner().activeProperty().get()
                || reward.runner().activeProperty().get() || dpo.runner().activeProperty().get()
                || grpo.runner().activeProperty().get();
    }

    /**
     * Closing during a run asks: stop it at a checkpoint and quit, or keep training. Quitting
     * waits in {@link #stop()} until the run has written its checkpoint.
     */
    private static boolean confirmQuit() {
        String what = TrainingSlot.active().map(TrainingSlot.ActiveRun::describe).orElse("A training run");
        javafx.scene.control.ButtonType stopAndQuit = new javafx.scene.control.ButtonType("Stop at a checkpoint and quit",
                javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        javafx.scene.control.ButtonType keep = new javafx.scene.control.ButtonType("Keep training",
                javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
        javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                what + " is training. Quitting stops it after the current step and saves a checkpoint; reopen the"
                        + " project and resume it from the runs list.", stopAndQuit, keep);
        a.setHeaderText("Training is running");
        return a.showAndWait().filter(b -> b == stopAndQuit).isPresent();
    }

    static Optional<Path> requestedProject() {
        String dir = System.getProperty(PROJECT_PROPERTY);
        return dir == null || dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir));
    }

    @Override
    public void stop() {
        org.rlhfworkbench.jobs.run.RunQueue.process().cancelAll();  // queued runs must not start while quitting
        if (labeling != null) {
            labeling.close();
        }
        if (sft != null) {
            sft.close();
        }
        if (dpo != null) {
            dpo.close();
        }
        if (grpo != null) {
            grpo.close();
        }
        if (arena != null) {
            arena.close();
        }
        if (chat != null) {
            chat.close();
        }
        if (reward != null) {
            reward.close();
        }
        if (ppo != null) {
            ppo.close();
        }
        try {
            if (!TrainingSlot.awaitIdle(QUIT_WAIT)) {
                LOG.warn("The run did not stop within {}; quitting without its last checkpoint", QUIT_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (executor != null) {
            executor.shutdown();
        }
        if (projectService != null) {
            projectService.close();
        }
    }
}
