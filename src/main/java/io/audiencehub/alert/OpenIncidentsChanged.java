package io.audiencehub.alert;

import java.util.List;

/** The open incidents changed on this hub: screens that show them update by themselves. */
public record OpenIncidentsChanged(List<Incident> open) {
}
