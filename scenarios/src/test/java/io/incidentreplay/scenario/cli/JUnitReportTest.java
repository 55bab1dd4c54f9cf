package io.incidentreplay.scenario.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentreplay.scenario.ReplayResult;
import io.incidentreplay.scenario.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The verdicts as JUnit XML that Jenkins' schema accepts: a failure per unexpected verdict, an error per unjudged one. */
class JUnitReportTest {

    @TempDir
    Path output;

    private static ReplayResult result(String incident, String role, Verdict verdict, List<String> reasons) {
        return new ReplayResult(new ReplayResult.IncidentInfo(incident, "t", "s", "story"), role,
                new ReplayResult.BuildInfo(role + ".jar", "/" + role + ".jar"), new ReplayResult.DatasetInfo("mvp", 20, 42), 0.1,
                "env", 1_000, 43_500, verdict, reasons, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), null, List.of(), new ReplayResult.Resources(1, 1, 1), null, null, List.of(), null, null);
    }

    private static void validate(Path xml) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.newSchema(new StreamSource(JUnitReportTest.class.getResourceAsStream("/junit-xml/jenkins-junit.xsd")))
                .newValidator().validate(new StreamSource(xml.toFile()));
    }

    private static Document parse(Path xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
    }

    @Test
    void aTestcasePerReplayWithTheReasonsOfEveryUnexpectedVerdict() throws Exception {
        List<List<ReplayResult>> runs = List.of(List.of(
                result("weather-cascade", "baseline", Verdict.REPRODUCED, List.of()),
                result("weather-cascade", "candidate", Verdict.FAIL, List.of("fault p99 of dashboard 1,200 ms > 1,000 ms",
                        "run min lb.healthy 2 < 4")),
                result("pool-exhaustion", "baseline", Verdict.INVALID, List.of("fault not applied: live pets >= 200,000 <&>"))));

        Path file = JUnitReport.of(runs, List.of(output), output.resolve("junit.xml"), null).write(output.resolve("junit.xml"));

        validate(file);
        Element root = parse(file).getDocumentElement();
        assertThat(root.getAttribute("tests")).isEqualTo("3");
        assertThat(root.getAttribute("failures")).isEqualTo("1");
        assertThat(root.getAttribute("errors")).isEqualTo("1");
        NodeList cases = root.getElementsByTagName("testcase");
        Element passed = (Element) cases.item(0);
        assertThat(passed.getAttribute("name")).isEqualTo("baseline on baseline.jar");
        assertThat(passed.getAttribute("time")).isEqualTo("42.500");
        assertThat(passed.getElementsByTagName("failure").getLength()).isZero();
        assertThat(passed.getElementsByTagName("system-out").item(0).getTextContent())
                .contains("report: weather-cascade/baseline/report.html");
        Element failed = (Element) cases.item(1);
        Element failure = (Element) failed.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("FAIL: fault p99 of dashboard 1,200 ms > 1,000 ms");
        assertThat(failure.getTextContent()).contains("run min lb.healthy 2 < 4").contains("report: weather-cascade/candidate/report.html");
        Element invalid = (Element) cases.item(2);
        assertThat(((Element) invalid.getParentNode()).getAttribute("name")).isEqualTo("pool-exhaustion");
        assertThat(((Element) invalid.getElementsByTagName("error").item(0)).getAttribute("message"))
                .isEqualTo("INVALID: fault not applied: live pets >= 200,000 <&>");
    }

    @Test
    void aBrokenHarnessIsAnErrorOfItsOwnBesideTheVerdictsReachedBeforeIt() throws Exception {
        List<List<ReplayResult>> runs = List.of(List.of(result("weather-cascade", "baseline", Verdict.REPRODUCED, List.of())));

        Path file = JUnitReport.of(runs, List.of(output), output.resolve("ci/junit.xml"), "the embedded environment did not start")
                .write(output.resolve("ci/junit.xml"));

        validate(file);
        Element root = parse(file).getDocumentElement();
        assertThat(root.getAttribute("tests")).isEqualTo("2");
        assertThat(root.getAttribute("errors")).isEqualTo("1");
        Element error = (Element) root.getElementsByTagName("error").item(0);
        assertThat(error.getAttribute("message")).isEqualTo("the embedded environment did not start");
        assertThat(root.getElementsByTagName("system-out").item(0).getTextContent())
                .as("paths relative to the XML file").contains("report: ../weather-cascade/baseline/report.html");
    }

    /** The validation itself can fail: a testcase without its name is refused. */
    @Test
    void theSchemaRefusesWhatJenkinsWouldNotRead() throws IOException {
        Path bad = Files.writeString(output.resolve("bad.xml"), "<testsuites><testsuite name=\"x\" tests=\"1\"><testcase/></testsuite></testsuites>");

        assertThatThrownBy(() -> validate(bad)).hasMessageContaining("name");
    }
}
