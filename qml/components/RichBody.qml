import QtQuick
import Kiosk.Core
import Kiosk.Ui

// A body text from the catalog (HTML rendered from Markdown when the catalog was
// built). Links to other items ("item:ID") open them.
Text {
    id: body
    property string html: ""
    text: html
    visible: html.length > 0
    textFormat: Text.RichText
    font.pixelSize: Theme.bodySize
    color: Theme.text
    linkColor: Theme.primary
    wrapMode: Text.Wrap
    lineHeight: Theme.lineHeight
    width: parent ? parent.width : implicitWidth
    onLinkActivated: (link) => Navigator.openLink(link)
    Accessible.role: Accessible.StaticText
    // Screen readers get the words without markup.
    Accessible.name: html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim()
}
