package org.magicnas.cli;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.magicnas.analysis.InterferenceProbe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bin/magic replot DIR}: draws the PNG charts of an {@code interference} or {@code
 * rank-correlation} result directory again from the files the command wrote, without training.
 *
 * <p>An interference directory has {@code sweeps.csv} and {@code matrix-<super-net>.csv} per
 * super-net; the layer of o_g and the trials come from the first line of {@code results.txt} (or
 * {@code --layer}; the trials then from {@code sweeps.csv}). A rank-correlation directory has {@code
 * results.csv} (or {@code --results}) and {@code panel.csv} (the panel size); the noise ceiling comes
 * from its line in {@code results.txt}, and is left out when that file has none. Every input is read
 * and checked before a chart is written.
 */
@Command(name = "replot", mixinStandardHelpOptions = true,
        description = "Draws the PNG charts of an interference or rank-correlation result directory again from its CSV files (no training).")
final class ReplotCommand implements Callable<Integer> {
    private static final Pattern INTERFERENCE_HEAD = Pattern.compile("^mean gradient cosine on o_g in layer (\\d+), (\\d+) trials each");
    private static final Pattern NOISE = Pattern.compile("^noise ceiling \\((\\d+) children, two seeds\\): tau (\\S+) \\[(\\S+), (\\S+)\\]");

    @Parameters(index = "0", paramLabel = "DIR", description = "The result directory (of interference or rank-correlation).")
    Path dir;

    @Option(names = "--out", description = "Where the PNGs go (default: DIR).")
    Path out;

    @Option(names = "--results", defaultValue = "results.csv",
            description = "rank-correlation: the results CSV, relative to DIR or absolute (default: ${DEFAULT-VALUE}).")
    String results;

    @Option(names = "--layer", description = "interference: the layer j of o_g of the matrices (default: from results.txt).")
    Integer layer;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("replot: not a directory: " + dir);
        }
        if (layer != null && layer < 1) {
            throw new IllegalArgumentException("--layer must be at least 1: " + layer);
        }
        Path target = out == null ? dir : out;
        List<String> written;
        if (Files.isRegularFile(dir.resolve("sweeps.csv"))) {
            List<InterferencePlots.Net> nets = interference();
            written = InterferencePlots.write(nets, layerOf(), target);
        } else if (Files.isRegularFile(dir.resolve(results))) {
            List<RankPlots.Tau> taus = taus(dir.resolve(results));
            int children = rows(dir.resolve("panel.csv"));
            written = RankPlots.write(taus, noiseCeiling(), children, target);
        } else {
            throw new IllegalArgumentException("replot: " + dir + " has neither sweeps.csv (interference) nor " + results + " (rank-correlation)");
        }
        for (String w : written) {
            System.out.println(target.resolve(w));
        }
        return 0;
    }

    private int layerOf() throws IOException {
        if (layer != null) {
            return layer;
        }
        Matcher m = headLine();
        if (m == null) {
            throw new IllegalArgumentException("replot: " + dir.resolve("results.txt") + " does not name the layer of o_g; give --layer");
        }
        return Integer.parseInt(m.group(1));
    }

    private Matcher headLine() throws IOException {
        Path txt = dir.resolve("results.txt");
        if (!Files.isRegularFile(txt)) {
            return null;
        }
        List<String> lines = Files.readAllLines(txt);
        Matcher m = lines.isEmpty() ? null : INTERFERENCE_HEAD.matcher(lines.get(0));
        return m != null && m.find() ? m : null;
    }

    private List<InterferencePlots.Net> interference() throws IOException {
        Path sweeps = dir.resolve("sweeps.csv");
        Map<String, List<InterferenceProbe.Point>> mSweep = new LinkedHashMap<>();
        Map<String, List<InterferenceProbe.Point>> layerSweep = new LinkedHashMap<>();
        Map<String, Integer> trials = new LinkedHashMap<>();
        List<String[]> rows = read(sweeps, "supernet", "sweep", "x", "mean", "sd", "trials");
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            String where = sweeps + ":" + (i + 2);
            InterferenceProbe.Point p = new InterferenceProbe.Point(integer(r[2], where, "x"), number(r[3], where, "mean"), number(r[4], where, "sd"),
                    integer(r[5], where, "trials"));
            if (p.sd() < 0 || p.trials() < 1) {
                throw new IllegalArgumentException(where + ": sd must be >= 0 and trials >= 1: " + String.join(",", r));
            }
            mSweep.computeIfAbsent(r[0], k -> new ArrayList<>());
            layerSweep.computeIfAbsent(r[0], k -> new ArrayList<>());
            trials.merge(r[0], p.trials(), Math::max);
            switch (r[1]) {
                case "m" -> mSweep.get(r[0]).add(p);
                case "layer" -> layerSweep.get(r[0]).add(p);
                default -> throw new IllegalArgumentException(where + ": sweep must be m or layer: '" + r[1] + "'");
            }
        }
        if (mSweep.isEmpty()) {
            throw new IllegalArgumentException(sweeps + ": no rows");
        }
        Matcher head = layer == null ? headLine() : null;
        List<InterferencePlots.Net> nets = new ArrayList<>();
        for (String label : mSweep.keySet()) {
            if (mSweep.get(label).isEmpty()) {
                throw new IllegalArgumentException(sweeps + ": super-net " + label + " has no m rows");
            }
            Path csv = dir.resolve("matrix-" + label + ".csv");
            if (!Files.isRegularFile(csv)) {
                throw new IllegalArgumentException("replot: missing " + csv + " (the matrix of super-net " + label + " in " + sweeps + ")");
            }
            List<String[]> m = readAll(csv);
            String[] header = m.get(0);
            int n = header.length - 1;
            if (n < 1 || m.size() != n + 1) {
                throw new IllegalArgumentException(csv + ": expected a header of operator names and one row per operator, got " + header.length
                        + " columns and " + (m.size() - 1) + " rows");
            }
            double[][] matrix = new double[n][n];
            for (int row = 0; row < n; row++) {
                String[] cells = m.get(row + 1);
                String where = csv + ":" + (row + 2);
                if (cells.length != n + 1 || !cells[0].equals(header[row + 1])) {
                    throw new IllegalArgumentException(where + ": expected " + header[row + 1] + " and " + n + " values, got " + String.join(",", cells));
                }
                for (int c = 0; c < n; c++) {
                    matrix[row][c] = number(cells[c + 1], where, header[c + 1]);
                }
            }
            int t = head != null ? Integer.parseInt(head.group(2)) : trials.get(label);
            nets.add(new InterferencePlots.Net(label, List.of(header).subList(1, header.length), matrix, t, mSweep.get(label), layerSweep.get(label)));
        }
        return nets;
    }

    private List<RankPlots.Tau> taus(Path csv) throws IOException {
        List<String[]> rows = read(csv, "method", "seeds", "tau", "tau_lower", "tau_upper");
        List<RankPlots.Tau> taus = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            String where = csv + ":" + (i + 2);
            double tau = number(r[2], where, "tau");
            double lo = number(r[3], where, "tau_lower");
            double hi = number(r[4], where, "tau_upper");
            if (!(lo <= tau && tau <= hi)) {
                throw new IllegalArgumentException(where + ": tau " + r[2] + " is not within [" + r[3] + ", " + r[4] + "]");
            }
            taus.add(new RankPlots.Tau(r[0], tau, lo, hi));
        }
        if (taus.isEmpty()) {
            throw new IllegalArgumentException(csv + ": no methods");
        }
        return taus;
    }

    private RankPlots.Tau noiseCeiling() throws IOException {
        Path txt = dir.resolve("results.txt");
        if (!Files.isRegularFile(txt)) {
            return null;
        }
        List<String> lines = Files.readAllLines(txt);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = NOISE.matcher(lines.get(i));
            if (m.find()) {
                String where = txt + ":" + (i + 1);
                return new RankPlots.Tau("seed vs seed", number(m.group(2), where, "tau"), number(m.group(3), where, "lower"),
                        number(m.group(4), where, "upper"));
            }
        }
        return null;
    }

    private int rows(Path csv) throws IOException {
        if (!Files.isRegularFile(csv)) {
            throw new IllegalArgumentException("replot: missing " + csv + " (the panel, whose size the chart's title names)");
        }
        int n = readAll(csv).size() - 1;
        if (n < 1) {
            throw new IllegalArgumentException(csv + ": no children");
        }
        return n;
    }

    /** The data rows of a CSV file whose header starts with the given columns. */
    private static List<String[]> read(Path csv, String... columns) throws IOException {
        List<String[]> all = readAll(csv);
        String[] header = all.get(0);
        for (int i = 0; i < columns.length; i++) {
            if (header.length <= i || !header[i].equals(columns[i])) {
                throw new IllegalArgumentException(csv + ":1: expected the columns " + String.join(",", columns) + ", got " + String.join(",", header));
            }
        }
        for (int i = 1; i < all.size(); i++) {
            if (all.get(i).length < columns.length) {
                throw new IllegalArgumentException(csv + ":" + (i + 1) + ": expected at least " + columns.length + " columns, got "
                        + String.join(",", all.get(i)));
            }
        }
        return all.subList(1, all.size());
    }

    private static List<String[]> readAll(Path csv) throws IOException {
        try (Reader in = Files.newBufferedReader(csv); CSVReader reader = new CSVReader(in)) {
            List<String[]> all = reader.readAll();
            if (all.isEmpty()) {
                throw new IllegalArgumentException(csv + ": empty file");
            }
            return all;
        } catch (CsvException e) {
            throw new IllegalArgumentException(csv + ":" + e.getLineNumber() + ": " + e.getMessage());
        }
    }

    private static double number(String s, String where, String column) {
        try {
            double v = Double.parseDouble(s.strip());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(where + ": " + column + " must be a finite number: '" + s + "'");
    }

    private static int integer(String s, String where, String column) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": " + column + " must be an integer: '" + s + "'");
        }
    }
}
