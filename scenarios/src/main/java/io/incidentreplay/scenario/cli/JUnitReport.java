package io.incidentreplay.scenario.cli;

import io.incidentreplay.scenario.ReplayResult;
import io.incidentreplay.scenario.Verdict;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The run's verdicts as JUnit XML, the format Jenkins, GitLab and GitHub's test-report actions read
 * (checked against the Jenkins JUnit schema in the tests): a testsuite per incident, a testcase per
 * replay. A replay whose verdict is not its role's (FAIL, NOT_REPRODUCED) is a failure; one that
 * could not judge (INVALID, INCOMPLETE) is an error, as is a harness that broke. Each testcase's
 * system-out gives the report's and the result's paths, relative to the XML file.
 */
final class JUnitReport {

    static final String FILE_NAME = "junit.xml";

    /** One replay, as a testcase. */
    private record Case(String name, double seconds, Verdict verdict, List<String> reasons, String report, String result) {}

    private final Map<String, List<Case>> suites;
    private final String harnessError;
    private final Instant timestamp;

    private JUnitReport(Map<String, List<Case>> suites, String harnessError, Instant timestamp) {
        this.suites = suites;
        this.harnessError = harnessError;
        this.timestamp = timestamp;
    }

    /**
     * @param runs each repeat's results, with the directory its reports are in
     * @param file where the XML goes: the report paths are written relative to it
     * @param harnessError the sentence the harness broke with, or null
     */
    static JUnitReport of(List<List<ReplayResult>> runs, List<Path> directories, Path file, String harnessError) {
        Map<String, List<Case>> suites = new LinkedHashMap<>();
        Instant first = Instant.now();
        for (int i = 0; i < runs.size(); i++) {
            for (ReplayResult r : runs.get(i)) {
                Path json = Verdicts.resultFile(directories.get(i), r);
                String name = r.role() + " on " + r.build().name() + (runs.size() > 1 ? " (repeat " + (i + 1) + ")" : "");
                suites.computeIfAbsent(r.incident().id(), id -> new ArrayList<>()).add(new Case(name,
                        (r.endedAtMillis() - r.startedAtMillis()) / 1000.0, r.verdict(), r.reasons(),
                        relative(file, json.resolveSibling("report.html")), relative(file, json)));
                first = first.isBefore(Instant.ofEpochMilli(r.startedAtMillis())) ? first : Instant.ofEpochMilli(r.startedAtMillis());
            }
        }
        return new JUnitReport(suites, harnessError, first);
    }

    Path write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
                xml.writeStartDocument("UTF-8", "1.0");
                writeSuites(xml);
                xml.writeEndDocument();
                xml.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    private void writeSuites(XMLStreamWriter xml) throws XMLStreamException {
        List<Case> all = suites.values().stream().flatMap(List::stream).toList();
        xml.writeStartElement("testsuites");
        xml.writeAttribute("name", "incident-replay");
        xml.writeAttribute("tests", Integer.toString(all.size() + (harnessError == null ? 0 : 1)));
        xml.writeAttribute("failures", Long.toString(all.stream().filter(JUnitReport::failed).count()));
        xml.writeAttribute("errors", Long.toString(all.stream().filter(JUnitReport::couldNotJudge).count()
                + (harnessError == null ? 0 : 1)));
        xml.writeAttribute("time", seconds(all.stream().mapToDouble(Case::seconds).sum()));
        for (Map.Entry<String, List<Case>> suite : suites.entrySet()) {
            writeSuite(xml, suite.getKey(), suite.getValue());
        }
        if (harnessError != null) {
            writeHarnessError(xml);
        }
        xml.writeEndElement();
    }

    private void writeSuite(XMLStreamWriter xml, String incident, List<Case> cases) throws XMLStreamException {
        startSuite(xml, incident, cases.size(), cases.stream().filter(JUnitReport::failed).count(),
                cases.stream().filter(JUnitReport::couldNotJudge).count(), cases.stream().mapToDouble(Case::seconds).sum());
        for (Case c : cases) {
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", "incident-replay." + incident);
            xml.writeAttribute("name", c.name());
            xml.writeAttribute("time", seconds(c.seconds()));
            if (failed(c) || couldNotJudge(c)) {
                xml.writeStartElement(failed(c) ? "failure" : "error");
                xml.writeAttribute("type", c.verdict().name());
                xml.writeAttribute("message", c.verdict() + (c.reasons().isEmpty() ? "" : ": " + c.reasons().get(0)));
                xml.writeCharacters(String.join("\n", c.reasons()) + "\nreport: " + c.report());
                xml.writeEndElement();
            }
            xml.writeStartElement("system-out");
            xml.writeCharacters("verdict: " + c.verdict() + "\nreport: " + c.report() + "\nresult: " + c.result() + "\n");
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    /** A broken harness is a test of its own, so that a CI's test view shows it and not only a red job. */
    private void writeHarnessError(XMLStreamWriter xml) throws XMLStreamException {
        startSuite(xml, "harness", 1, 0, 1, 0);
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", "incident-replay.harness");
        xml.writeAttribute("name", "the harness ran to the end");
        xml.writeAttribute("time", seconds(0));
        xml.writeStartElement("error");
        xml.writeAttribute("type", "HARNESS_ERROR");
        xml.writeAttribute("message", harnessError);
        xml.writeCharacters(harnessError + "\n(this says nothing about the build; the replays before it are reported above)");
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private void startSuite(XMLStreamWriter xml, String name, int tests, long failures, long errors, double seconds)
            throws XMLStreamException {
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", name);
        xml.writeAttribute("tests", Integer.toString(tests));
        xml.writeAttribute("failures", Long.toString(failures));
        xml.writeAttribute("errors", Long.toString(errors));
        xml.writeAttribute("skipped", "0");
        xml.writeAttribute("time", seconds(seconds));
        xml.writeAttribute("timestamp", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                timestamp.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)));
        xml.writeAttribute("hostname", hostname());
    }

    private static boolean failed(Case c) {
        return c.verdict() == Verdict.FAIL || c.verdict() == Verdict.NOT_REPRODUCED;
    }

    private static boolean couldNotJudge(Case c) {
        return c.verdict() == Verdict.INVALID || c.verdict() == Verdict.INCOMPLETE;
    }

    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.3f", seconds);
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private static String relative(Path file, Path to) {
        return file.toAbsolutePath().getParent().relativize(to.toAbsolutePath()).toString();
    }
}
