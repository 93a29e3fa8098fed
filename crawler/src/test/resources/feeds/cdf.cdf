<?xml version="1.0"?>
<CHANNEL HREF="https://westmoor.example.nhs.uk/" BASE="https://westmoor.example.nhs.uk/" LASTMOD="2026-11-20T09:00">
  <TITLE>Westmoor Trust channel</TITLE>
  <ABSTRACT>News from Westmoor hospitals</ABSTRACT>
  <LOGO HREF="images/logo.gif" STYLE="IMAGE"/>
  <SCHEDULE><INTERVALTIME DAY="1"/></SCHEDULE>
  <ITEM HREF="news/ward-9-garden.html" LASTMOD="2026-11-20T09:00">
    <TITLE>Ward 9 garden opens</TITLE>
    <ABSTRACT>The Ward 9 garden is now open to patients' families every afternoon.</ABSTRACT>
  </ITEM>
  <ITEM HREF="news/parking.html" LASTMOD="2026-11-18T14:00">
    <TITLE>Parking changes from December</TITLE>
    <ABSTRACT>Blue badge holders park free in car park B.</ABSTRACT>
  </ITEM>
</CHANNEL>
