/**
 * The shell and the small components every feature's views share. Features' views may use these;
 * nothing here knows a feature.
 */
@NamedInterface("ui")
package io.audiencehub.base.ui;

import org.springframework.modulith.NamedInterface;
