package org.magicnas.cli;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.magicnas.data.MlmBatch;
import org.magicnas.data.MlmCorpus;
import org.magicnas.run.RunDirectory;
import org.magicnas.sampling.SplitMix64;
import org.magicnas.search.Constraints;
import org.magicnas.search.EvolutionarySearch;
import org.magicnas.space.ChildCost;
import org.magicnas.supernet.ChildModel;
import org.magicnas.supernet.EncoderFiles;
import org.magicnas.supernet.SuperNet;
import org.magicnas.supernet.SuperNetConfig;
import org.magicnas.train.CheckpointStore;
import org.magicnas.train.SuperNetTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/magic search}: evolutionary search over a trained super-net (the latest checkpoint of a
 * {@code train-supernet} run, within what shrinking left of its space), under parameter and FLOP
 * limits; the best child is exported as {@code <run>/evolution-encoder}.
 */
@Command(name = "search", mixinStandardHelpOptions = true, description = "Evolutionary search over a trained super-net under size constraints.")
final class SearchCommand implements Callable<Integer> {
    @Option(names = "--run", required = true, description = "A train-supernet run directory (its latest checkpoint is searched).")
    Path runDir;

    @Option(names = "--population", defaultValue = "50", description = "Children per generation (default: ${DEFAULT-VALUE}).")
    int population;

    @Option(names = "--generations", defaultValue = "20", description = "Generations (default: ${DEFAULT-VALUE}).")
    int generations;

    @Option(names = "--top-k", defaultValue = "10", description = "Parents kept per generation (default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--mutation", defaultValue = "0.1", description = "Chance a layer is resampled in a mutation (default: ${DEFAULT-VALUE}).")
    double mutation;

    @Option(names = "--max-params", defaultValue = "0", description = "Most parameters, 0 for no limit (default: ${DEFAULT-VALUE}).")
    long maxParams;

    @Option(names = "--max-flops", defaultValue = "0", description = "Most forward FLOPs per sequence, 0 for no limit (default: ${DEFAULT-VALUE}).")
    long maxFlops;

    @Override
    public Integer call() throws Exception {
        RunDirectory run = RunDirectory.open(runDir);
        SuperNetOptions options = SuperNetRun.readOptions(run);
        options.validate();
        EvolutionarySearch evolution = new EvolutionarySearch(population, generations, topK, mutation);
        CheckpointStore store = new CheckpointStore(run.resolve("checkpoints"), 1);
        Path checkpoint = store.latest().orElseThrow(() -> new IllegalArgumentException("run " + run + " has no checkpoint to search"));
        try (MlmCorpus data = MlmCorpus.prepare(options.dataSpec()); NDManager manager = NDManager.newBaseManager(CommandDevice.get())) {
            Constraints constraints = new Constraints(maxParams, maxFlops, data.tokenizer().vocabSize(), options.seqLen);
            SuperNetConfig netConfig = new SuperNetConfig(options.searchSpace(), data.tokenizer().vocabSize(), options.seqLen, options.dropout);
            Engine.getInstance().setRandomSeed((int) SplitMix64.mix(options.seed, 0));
            SuperNet net = new SuperNet(netConfig);
            net.initialize(manager);
            List<MlmBatch> validation = data.validation(options.valBatches);
            try (SuperNetTrainer trainer = new SuperNetTrainer(net, manager, options.trainingConfig(), s -> data.train().batchAt(s), validation)) {
                trainer.restore(checkpoint);
                constraints.checkSatisfiable(trainer.mask());
                System.out.printf(Locale.ROOT, "search: %s at step %d, %s children left, population %d, %d generations%n", net.space().describe(),
                        trainer.stepsDone(), trainer.mask().size(), population, generations);
                EvolutionarySearch.Result r = evolution.run(trainer.mask(), a -> trainer.evaluator().evaluate(a, validation).loss(), constraints,
                        new SplitMix64(SplitMix64.mix(options.seed, 50)));
                ChildCost cost = constraints.cost(r.best());
                System.out.printf(Locale.ROOT, "best %s: validation loss %.4f, %d parameters, %.3e FLOPs per sequence (%d children scored)%n", r.best(), r.loss(),
                        cost.parameters(), (double) cost.forwardFlops(), r.scored());
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("architecture", r.best().toString());
                out.put("validationLoss", r.loss());
                out.put("parameters", cost.parameters());
                out.put("forwardFlops", cost.forwardFlops());
                out.put("childrenScored", r.scored());
                out.put("maxParams", maxParams);
                out.put("maxFlops", maxFlops);
                run.writeString("evolution.json", SuperNetRun.GSON.toJson(out));
                Path encoder = run.resolve("evolution-encoder");
                EncoderFiles.save(encoder, netConfig, ChildModel.of(net, r.best()));
                Files.copy(data.tokenizer().file(), encoder.resolve("tokenizer.json"), StandardCopyOption.REPLACE_EXISTING);
                System.out.println("encoder: " + encoder);
            }
        }
        return 0;
    }
}
