package io.audiencehub.base.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;
import java.util.List;

/**
 * A line chart of figures over labels (Apache ECharts, the one charting library of the hub, drawn in
 * the browser), with the same figures in a table behind "Figures" for assistive technology and for
 * reading exact values. ECharts comes as a webjar the hub serves itself: nothing is loaded from elsewhere,
 * as the hub's Content-Security-Policy requires.
 */
public class LineChart extends Composite<Div> {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One line: its name and a value per label. */
    public record Series(String name, List<Long> values) {
    }

    private record Figures(List<String> labels, List<Series> series) {
    }

    /** Where the hub serves ECharts from: its webjar (pom.xml's echarts.version). */
    static final String ECHARTS = "webjars/echarts/5.3.1/dist/echarts.min.js";

    /** The browser side: a custom element drawing on a canvas, once ECharts is loaded. */
    @Tag("hub-line-chart")
    @JavaScript("context://" + ECHARTS)
    @JavaScript("context://charts/hub-line-chart.js")
    static final class Canvas extends Component {
    }

    private final Canvas canvas = new Canvas();
    private final Element table = new Element("table");

    /** @param name what the chart shows, its accessible name */
    public LineChart(String name) {
        canvas.getElement().setAttribute("role", "img");
        canvas.getElement().setAttribute("aria-label", name);
        canvas.getElement().getStyle().set("display", "block").set("height", "16rem").set("position", "relative");
        Div figures = new Div();
        figures.getElement().appendChild(table);
        table.setAttribute("aria-label", name);
        Details details = new Details("Figures", figures);
        getContent().add(canvas, details);
        getContent().setWidthFull();
    }

    /** Draws the series over the labels, and lists the same figures in the table. */
    public void show(List<String> labels, List<Series> series) {
        try {
            canvas.getElement().setProperty("figures", JSON.writeValueAsString(new Figures(labels, series)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("labels and numbers are always JSON", e);
        }
        table.removeAllChildren();
        Element head = new Element("tr");
        head.appendChild(new Element("th").setText(""));
        series.forEach(line -> head.appendChild(new Element("th").setText(line.name())));
        table.appendChild(head);
        for (int i = 0; i < labels.size(); i++) {
            Element row = new Element("tr");
            row.appendChild(new Element("th").setText(labels.get(i)));
            int at = i;
            series.forEach(line -> row.appendChild(new Element("td").setText(String.valueOf(line.values().get(at)))));
            table.appendChild(row);
        }
    }
}
