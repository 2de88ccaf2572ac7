package io.audiencehub.connector;

/**
 * What to paste into Mixpanel's Custom Webhook form besides its URL, shown once: the Basic credentials
 * (the password is kept only as its hash) and the property to export.
 */
public record NewMixpanelSource(Connector connector, String userName, String password, String visitorProperty) {

    @Override
    public String toString() {
        return "NewMixpanelSource[connector=" + connector.id() + ", userName=" + userName + ", password=<shown once>]";
    }
}
