<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis simplifyAlgorithm="0" labelsEnabled="1" maxScale="0" styleCategories="AllStyleCategories" minScale="100000000" readOnly="0" simplifyLocal="1" simplifyMaxScale="1" hasScaleBasedVisibilityFlag="0" symbologyReferenceScale="-1" simplifyDrawingHints="1" version="3.22.16-Białowieża" simplifyDrawingTol="1">
  <flags>
    <Identifiable>1</Identifiable>
    <Removable>1</Removable>
    <Searchable>1</Searchable>
    <Private>0</Private>
  </flags>
  <temporal endExpression="" enabled="0" mode="0" limitMode="0" startExpression="" fixedDuration="0" endField="" durationField="" durationUnit="min" accumulate="0" startField="">
    <fixedRange>
      <start></start>
      <end></end>
    </fixedRange>
  </temporal>
  <renderer-v2 attr="bailleur" symbollevels="0" forceraster="0" enableorderby="0" referencescale="-1" type="categorizedSymbol">
    <categories>
      <category label="Maisons &amp; Cités" render="true" symbol="0" value="M&amp;C"/>
      <category label="SIA Habitat" render="true" symbol="1" value="SIA"/>
      <category label="Pas-de-Calais Habitat" render="true" symbol="2" value="PDCH"/>
      <category label="Partenord Habitat" render="true" symbol="3" value="PARTENORD"/>
      <category label="Norevie" render="true" symbol="4" value="NOREVIE"/>
      <category label="Vilogia" render="true" symbol="5" value="VILOGIA"/>
      <category label="Clésence" render="true" symbol="6" value="CLESENCE"/>
      <category label="Autre / non renseigné" render="true" symbol="7" value=""/>
    </categories>
    <symbols>
      <symbol name="0" force_rhr="0" clip_to_extent="1" alpha="1" type="marker">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" value="" type="QString"/>
            <Option name="properties"/>
            <Option name="type" value="collection" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer pass="0" enabled="1" class="SimpleMarker" locked="0">
          <Option type="Map">
            <Option name="angle" value="0" type="QString"/>
            <Option name="cap_style" value="square" type="QString"/>
            <Option name="color" value="192,57,43,255" type="QString"/>
            <Option name="horizontal_anchor_point" value="1" type="QString"/>
            <Option name="joinstyle" value="bevel" type="QString"/>
            <Option name="name" value="circle" type="QString"/>
            <Option name="offset" value="0,0" type="QString"/>
            <Option name="offset_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="offset_unit" value="MM" type="QString"/>
            <Option name="outline_color" value="255,255,255,255" type="QString"/>
            <Option name="outline_style" value="solid" type="QString"/>
            <Option name="outline_width" value="0.3" type="QString"/>
            <Option name="outline_width_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="outline_width_unit" value="MM" type="QString"/>
            <Option name="scale_method" value="diameter" type="QString"/>
            <Option name="size" value="2.4" type="QString"/>
            <Option name="size_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="size_unit" value="MM" type="QString"/>
            <Option name="vertical_anchor_point" value="1" type="QString"/>
          </Option>
          <prop v="0" k="angle"/>
          <prop v="square" k="cap_style"/>
          <prop v="192,57,43,255" k="color"/>
          <prop v="1" k="horizontal_anchor_point"/>
          <prop v="bevel" k="joinstyle"/>
          <prop v="circle" k="name"/>
          <prop v="0,0" k="offset"/>
          <prop v="3x:0,0,0,0,0,0" k="offset_map_unit_scale"/>
          <prop v="MM" k="offset_unit"/>
          <prop v="255,255,255,255" k="outline_color"/>
          <prop v="solid" k="outline_style"/>
          <prop v="0.3" k="outline_width"/>
          <prop v="3x:0,0,0,0,0,0" k="outline_width_map_unit_scale"/>
          <prop v="MM" k="outline_width_unit"/>
          <prop v="diameter" k="scale_method"/>
          <prop v="2.4" k="size"/>
          <prop v="3x:0,0,0,0,0,0" k="size_map_unit_scale"/>
          <prop v="MM" k="size_unit"/>
          <prop v="1" k="vertical_anchor_point"/>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" value="" type="QString"/>
              <Option name="properties"/>
              <Option name="type" value="collection" type="QString"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol name="1" force_rhr="0" clip_to_extent="1" alpha="1" type="marker">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" value="" type="QString"/>
            <Option name="properties"/>
            <Option name="type" value="collection" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer pass="0" enabled="1" class="SimpleMarker" locked="0">
          <Option type="Map">
            <Option name="angle" value="0" type="QString"/>
            <Option name="cap_style" value="square" type="QString"/>
            <Option name="color" value="36,113,163,255" type="QString"/>
            <Option name="horizontal_anchor_point" value="1" type="QString"/>
            <Option name="joinstyle" value="bevel" type="QString"/>
            <Option name="name" value="circle" type="QString"/>
            <Option name="offset" value="0,0" type="QString"/>
            <Option name="offset_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="offset_unit" value="MM" type="QString"/>
            <Option name="outline_color" value="255,255,255,255" type="QString"/>
            <Option name="outline_style" value="solid" type="QString"/>
            <Option name="outline_width" value="0.3" type="QString"/>
            <Option name="outline_width_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="outline_width_unit" value="MM" type="QString"/>
            <Option name="scale_method" value="diameter" type="QString"/>
            <Option name="size" value="2.4" type="QString"/>
            <Option name="size_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="size_unit" value="MM" type="QString"/>
            <Option name="vertical_anchor_point" value="1" type="QString"/>
          </Option>
          <prop v="0" k="angle"/>
          <prop v="square" k="cap_style"/>
          <prop v="36,113,163,255" k="color"/>
          <prop v="1" k="horizontal_anchor_point"/>
          <prop v="bevel" k="joinstyle"/>
          <prop v="circle" k="name"/>
          <prop v="0,0" k="offset"/>
          <prop v="3x:0,0,0,0,0,0" k="offset_map_unit_scale"/>
          <prop v="MM" k="offset_unit"/>
          <prop v="255,255,255,255" k="outline_color"/>
          <prop v="solid" k="outline_style"/>
          <prop v="0.3" k="outline_width"/>
          <prop v="3x:0,0,0,0,0,0" k="outline_width_map_unit_scale"/>
          <prop v="MM" k="outline_width_unit"/>
          <prop v="diameter" k="scale_method"/>
          <prop v="2.4" k="size"/>
          <prop v="3x:0,0,0,0,0,0" k="size_map_unit_scale"/>
          <prop v="MM" k="size_unit"/>
          <prop v="1" k="vertical_anchor_point"/>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" value="" type="QString"/>
              <Option name="properties"/>
              <Option name="type" value="collection" type="QString"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol name="2" force_rhr="0" clip_to_extent="1" alpha="1" type="marker">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" value="" type="QString"/>
            <Option name="properties"/>
            <Option name="type" value="collection" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer pass="0" enabled="1" class="SimpleMarker" locked="0">
          <Option type="Map">
            <Option name="angle" value="0" type="QString"/>
            <Option name="cap_style" value="square" type="QString"/>
            <Option name="color" value="39,174,96,255" type="QString"/>
            <Option name="horizontal_anchor_point" value="1" type="QString"/>
            <Option name="joinstyle" value="bevel" type="QString"/>
            <Option name="name" value="circle" type="QString"/>
            <Option name="offset" value="0,0" type="QString"/>
            <Option name="offset_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="offset_unit" value="MM" type="QString"/>
            <Option name="outline_color" value="255,255,255,255" type="QString"/>
            <Option name="outline_style" value="solid" type="QString"/>
            <Option name="outline_width" value="0.3" type="QString"/>
            <Option name="outline_width_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="outline_width_unit" value="MM" type="QString"/>
            <Option name="scale_method" value="diameter" type="QString"/>
            <Option name="size" value="2.4" type="QString"/>
            <Option name="size_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="size_unit" value="MM" type="QString"/>
            <Option name="vertical_anchor_point" value="1" type="QString"/>
          </Option>
          <prop v="0" k="angle"/>
          <prop v="square" k="cap_style"/>
          <prop v="39,174,96,255" k="color"/>
          <prop v="1" k="horizontal_anchor_point"/>
          <prop v="bevel" k="joinstyle"/>
          <prop v="circle" k="name"/>
          <prop v="0,0" k="offset"/>
          <prop v="3x:0,0,0,0,0,0" k="offset_map_unit_scale"/>
          <prop v="MM" k="offset_unit"/>
          <prop v="255,255,255,255" k="outline_color"/>
          <prop v="solid" k="outline_style"/>
          <prop v="0.3" k="outline_width"/>
          <prop v="3x:0,0,0,0,0,0" k="outline_width_map_unit_scale"/>
          <prop v="MM" k="outline_width_unit"/>
          <prop v="diameter" k="scale_method"/>
          <prop v="2.4" k="size"/>
          <prop v="3x:0,0,0,0,0,0" k="size_map_unit_scale"/>
          <prop v="MM" k="size_unit"/>
          <prop v="1" k="vertical_anchor_point"/>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" value="" type="QString"/>
              <Option name="properties"/>
              <Option name="type" value="collection" type="QString"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol name="3" force_rhr="0" clip_to_extent="1" alpha="1" type="marker">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" value="" type="QString"/>
            <Option name="properties"/>
            <Option name="type" value="collection" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer pass="0" enabled="1" class="SimpleMarker" locked="0">
          <Option type="Map">
            <Option name="angle" value="0" type="QString"/>
            <Option name="cap_style" value="square" type="QString"/>
            <Option name="color" value="142,68,173,255" type="QString"/>
            <Option name="horizontal_anchor_point" value="1" type="QString"/>
            <Option name="joinstyle" value="bevel" type="QString"/>
            <Option name="name" value="circle" type="QString"/>
            <Option name="offset" value="0,0" type="QString"/>
            <Option name="offset_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="offset_unit" value="MM" type="QString"/>
            <Option name="outline_color" value="255,255,255,255" type="QString"/>
            <Option name="outline_style" value="solid" type="QString"/>
            <Option name="outline_width" value="0.3" type="QString"/>
            <Option name="outline_width_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="outline_width_unit" value="MM" type="QString"/>
            <Option name="scale_method" value="diameter" type="QString"/>
            <Option name="size" value="2.4" type="QString"/>
            <Option name="size_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="size_unit" value="MM" type="QString"/>
            <Option name="vertical_anchor_point" value="1" type="QString"/>
          </Option>
          <prop v="0" k="angle"/>
          <prop v="square" k="cap_style"/>
          <prop v="142,68,173,255" k="color"/>
          <prop v="1" k="horizontal_anchor_point"/>
          <prop v="bevel" k="joinstyle"/>
          <prop v="circle" k="name"/>
          <prop v="0,0" k="offset"/>
          <prop v="3x:0,0,0,0,0,0" k="offset_map_unit_scale"/>
          <prop v="MM" k="offset_unit"/>
          <prop v="255,255,255,255" k="outline_color"/>
          <prop v="solid" k="outline_style"/>
          <prop v="0.3" k="outline_width"/>
          <prop v="3x:0,0,0,0,0,0" k="outline_width_map_unit_scale"/>
          <prop v="MM" k="outline_width_unit"/>
          <prop v="diameter" k="scale_method"/>
          <prop v="2.4" k="size"/>
          <prop v="3x:0,0,0,0,0,0" k="size_map_unit_scale"/>
          <prop v="MM" k="size_unit"/>
          <prop v="1" k="vertical_anchor_point"/>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" value="" type="QString"/>
              <Option name="properties"/>
              <Option name="type" value="collection" type="QString"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol name="4" force_rhr="0" clip_to_extent="1" alpha="1" type="marker">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" value="" type="QString"/>
            <Option name="properties"/>
            <Option name="type" value="collection" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer pass="0" enabled="1" class="SimpleMarker" locked="0">
          <Option type="Map">
            <Option name="angle" value="0" type="QString"/>
            <Option name="cap_style" value="square" type="QString"/>
            <Option name="color" value="214,137,16,255" type="QString"/>
            <Option name="horizontal_anchor_point" value="1" type="QString"/>
            <Option name="joinstyle" value="bevel" type="QString"/>
            <Option name="name" value="circle" type="QString"/>
            <Option name="offset" value="0,0" type="QString"/>
            <Option name="offset_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="offset_unit" value="MM" type="QString"/>
            <Option name="outline_color" value="255,255,255,255" type="QString"/>
            <Option name="outline_style" value="solid" type="QString"/>
            <Option name="outline_width" value="0.3" type="QString"/>
            <Option name="outline_width_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="outline_width_unit" value="MM" type="QString"/>
            <Option name="scale_method" value="diameter" type="QString"/>
            <Option name="size" value="2.4" type="QString"/>
            <Option name="size_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="size_unit" value="MM" type="QString"/>
            <Option name="vertical_anchor_point" value="1" type="QString"/>
          </Option>
          <prop v="0" k="angle"/>
          <prop v="square" k="cap_style"/>
          <prop v="214,137,16,255" k="color"/>
          <prop v="1" k="horizontal_anchor_point"/>
          <prop v="bevel" k="joinstyle"/>
          <prop v="circle" k="name"/>
          <prop v="0,0" k="offset"/>
          <prop v="3x:0,0,0,0,0,0" k="offset_map_unit_scale"/>
          <prop v="MM" k="offset_unit"/>
          <prop v="255,255,255,255" k="outline_color"/>
          <prop v="solid" k="outline_style"/>
          <prop v="0.3" k="outline_width"/>
          <prop v="3x:0,0,0,0,0,0" k="outline_width_map_unit_scale"/>
          <prop v="MM" k="outline_width_unit"/>
          <prop v="diameter" k="scale_method"/>
          <prop v="2.4" k="size"/>
          <prop v="3x:0,0,0,0,0,0" k="size_map_unit_scale"/>
          <prop v="MM" k="size_unit"/>
          <prop v="1" k="vertical_anchor_point"/>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" value="" type="QString"/>
              <Option name="properties"/>
              <Option name="type" value="collection" type="QString"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol name="5" force_rhr="0" clip_to_extent="1" alpha="1" type="marker">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" value="" type="QString"/>
            <Option name="properties"/>
            <Option name="type" value="collection" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer pass="0" enabled="1" class="SimpleMarker" locked="0">
          <Option type="Map">
            <Option name="angle" value="0" type="QString"/>
            <Option name="cap_style" value="square" type="QString"/>
            <Option name="color" value="23,165,137,255" type="QString"/>
            <Option name="horizontal_anchor_point" value="1" type="QString"/>
            <Option name="joinstyle" value="bevel" type="QString"/>
            <Option name="name" value="circle" type="QString"/>
            <Option name="offset" value="0,0" type="QString"/>
            <Option name="offset_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="offset_unit" value="MM" type="QString"/>
            <Option name="outline_color" value="255,255,255,255" type="QString"/>
            <Option name="outline_style" value="solid" type="QString"/>
            <Option name="outline_width" value="0.3" type="QString"/>
            <Option name="outline_width_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="outline_width_unit" value="MM" type="QString"/>
            <Option name="scale_method" value="diameter" type="QString"/>
            <Option name="size" value="2.4" type="QString"/>
            <Option name="size_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="size_unit" value="MM" type="QString"/>
            <Option name="vertical_anchor_point" value="1" type="QString"/>
          </Option>
          <prop v="0" k="angle"/>
          <prop v="square" k="cap_style"/>
          <prop v="23,165,137,255" k="color"/>
          <prop v="1" k="horizontal_anchor_point"/>
          <prop v="bevel" k="joinstyle"/>
          <prop v="circle" k="name"/>
          <prop v="0,0" k="offset"/>
          <prop v="3x:0,0,0,0,0,0" k="offset_map_unit_scale"/>
          <prop v="MM" k="offset_unit"/>
          <prop v="255,255,255,255" k="outline_color"/>
          <prop v="solid" k="outline_style"/>
          <prop v="0.3" k="outline_width"/>
          <prop v="3x:0,0,0,0,0,0" k="outline_width_map_unit_scale"/>
          <prop v="MM" k="outline_width_unit"/>
          <prop v="diameter" k="scale_method"/>
          <prop v="2.4" k="size"/>
          <prop v="3x:0,0,0,0,0,0" k="size_map_unit_scale"/>
          <prop v="MM" k="size_unit"/>
          <prop v="1" k="vertical_anchor_point"/>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" value="" type="QString"/>
              <Option name="properties"/>
              <Option name="type" value="collection" type="QString"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol name="6" force_rhr="0" clip_to_extent="1" alpha="1" type="marker">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" value="" type="QString"/>
            <Option name="properties"/>
            <Option name="type" value="collection" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer pass="0" enabled="1" class="SimpleMarker" locked="0">
          <Option type="Map">
            <Option name="angle" value="0" type="QString"/>
            <Option name="cap_style" value="square" type="QString"/>
            <Option name="color" value="127,140,141,255" type="QString"/>
            <Option name="horizontal_anchor_point" value="1" type="QString"/>
            <Option name="joinstyle" value="bevel" type="QString"/>
            <Option name="name" value="circle" type="QString"/>
            <Option name="offset" value="0,0" type="QString"/>
            <Option name="offset_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="offset_unit" value="MM" type="QString"/>
            <Option name="outline_color" value="255,255,255,255" type="QString"/>
            <Option name="outline_style" value="solid" type="QString"/>
            <Option name="outline_width" value="0.3" type="QString"/>
            <Option name="outline_width_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="outline_width_unit" value="MM" type="QString"/>
            <Option name="scale_method" value="diameter" type="QString"/>
            <Option name="size" value="2.4" type="QString"/>
            <Option name="size_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="size_unit" value="MM" type="QString"/>
            <Option name="vertical_anchor_point" value="1" type="QString"/>
          </Option>
          <prop v="0" k="angle"/>
          <prop v="square" k="cap_style"/>
          <prop v="127,140,141,255" k="color"/>
          <prop v="1" k="horizontal_anchor_point"/>
          <prop v="bevel" k="joinstyle"/>
          <prop v="circle" k="name"/>
          <prop v="0,0" k="offset"/>
          <prop v="3x:0,0,0,0,0,0" k="offset_map_unit_scale"/>
          <prop v="MM" k="offset_unit"/>
          <prop v="255,255,255,255" k="outline_color"/>
          <prop v="solid" k="outline_style"/>
          <prop v="0.3" k="outline_width"/>
          <prop v="3x:0,0,0,0,0,0" k="outline_width_map_unit_scale"/>
          <prop v="MM" k="outline_width_unit"/>
          <prop v="diameter" k="scale_method"/>
          <prop v="2.4" k="size"/>
          <prop v="3x:0,0,0,0,0,0" k="size_map_unit_scale"/>
          <prop v="MM" k="size_unit"/>
          <prop v="1" k="vertical_anchor_point"/>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" value="" type="QString"/>
              <Option name="properties"/>
              <Option name="type" value="collection" type="QString"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol name="7" force_rhr="0" clip_to_extent="1" alpha="1" type="marker">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" value="" type="QString"/>
            <Option name="properties"/>
            <Option name="type" value="collection" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer pass="0" enabled="1" class="SimpleMarker" locked="0">
          <Option type="Map">
            <Option name="angle" value="0" type="QString"/>
            <Option name="cap_style" value="square" type="QString"/>
            <Option name="color" value="158,158,158,255" type="QString"/>
            <Option name="horizontal_anchor_point" value="1" type="QString"/>
            <Option name="joinstyle" value="bevel" type="QString"/>
            <Option name="name" value="circle" type="QString"/>
            <Option name="offset" value="0,0" type="QString"/>
            <Option name="offset_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="offset_unit" value="MM" type="QString"/>
            <Option name="outline_color" value="255,255,255,255" type="QString"/>
            <Option name="outline_style" value="solid" type="QString"/>
            <Option name="outline_width" value="0.3" type="QString"/>
            <Option name="outline_width_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="outline_width_unit" value="MM" type="QString"/>
            <Option name="scale_method" value="diameter" type="QString"/>
            <Option name="size" value="2.4" type="QString"/>
            <Option name="size_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="size_unit" value="MM" type="QString"/>
            <Option name="vertical_anchor_point" value="1" type="QString"/>
          </Option>
          <prop v="0" k="angle"/>
          <prop v="square" k="cap_style"/>
          <prop v="158,158,158,255" k="color"/>
          <prop v="1" k="horizontal_anchor_point"/>
          <prop v="bevel" k="joinstyle"/>
          <prop v="circle" k="name"/>
          <prop v="0,0" k="offset"/>
          <prop v="3x:0,0,0,0,0,0" k="offset_map_unit_scale"/>
          <prop v="MM" k="offset_unit"/>
          <prop v="255,255,255,255" k="outline_color"/>
          <prop v="solid" k="outline_style"/>
          <prop v="0.3" k="outline_width"/>
          <prop v="3x:0,0,0,0,0,0" k="outline_width_map_unit_scale"/>
          <prop v="MM" k="outline_width_unit"/>
          <prop v="diameter" k="scale_method"/>
          <prop v="2.4" k="size"/>
          <prop v="3x:0,0,0,0,0,0" k="size_map_unit_scale"/>
          <prop v="MM" k="size_unit"/>
          <prop v="1" k="vertical_anchor_point"/>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" value="" type="QString"/>
              <Option name="properties"/>
              <Option name="type" value="collection" type="QString"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
    </symbols>
    <rotation/>
    <sizescale/>
  </renderer-v2>
  <labeling type="simple">
    <settings calloutType="simple">
      <text-style fontFamily="DejaVu LGC Sans" textOrientation="horizontal" allowHtml="0" fontLetterSpacing="0" fontStrikeout="0" useSubstitutions="0" capitalization="0" isExpression="0" fieldName="ident_rep" blendMode="0" fontSizeMapUnitScale="3x:0,0,0,0,0,0" legendString="Aa" fontWordSpacing="0" fontUnderline="0" previewBkgrdColor="255,255,255,255" fontSize="8" fontWeight="50" multilineHeight="1" namedStyle="" fontSizeUnit="Point" fontItalic="0" textOpacity="1" textColor="0,0,0,255" fontKerning="1">
        <families/>
        <text-buffer bufferNoFill="1" bufferDraw="1" bufferBlendMode="0" bufferSizeMapUnitScale="3x:0,0,0,0,0,0" bufferOpacity="1" bufferSize="0.80000000000000004" bufferJoinStyle="128" bufferSizeUnits="MM" bufferColor="255,255,255,255"/>
        <text-mask maskEnabled="0" maskType="0" maskJoinStyle="128" maskSizeUnits="MM" maskSizeMapUnitScale="3x:0,0,0,0,0,0" maskOpacity="1" maskSize="1.5" maskedSymbolLayers=""/>
        <background shapeRadiiX="0" shapeBorderWidthUnit="MM" shapeSVGFile="" shapeOffsetX="0" shapeFillColor="255,255,255,255" shapeBorderWidth="0" shapeOffsetY="0" shapeRadiiMapUnitScale="3x:0,0,0,0,0,0" shapeRadiiUnit="MM" shapeSizeType="0" shapeOpacity="1" shapeSizeMapUnitScale="3x:0,0,0,0,0,0" shapeSizeX="0" shapeType="0" shapeSizeUnit="MM" shapeRotationType="0" shapeBlendMode="0" shapeBorderColor="128,128,128,255" shapeJoinStyle="64" shapeDraw="0" shapeBorderWidthMapUnitScale="3x:0,0,0,0,0,0" shapeOffsetMapUnitScale="3x:0,0,0,0,0,0" shapeRadiiY="0" shapeRotation="0" shapeOffsetUnit="MM" shapeSizeY="0">
          <symbol name="fillSymbol" force_rhr="0" clip_to_extent="1" alpha="1" type="fill">
            <data_defined_properties>
              <Option type="Map">
                <Option name="name" value="" type="QString"/>
                <Option name="properties"/>
                <Option name="type" value="collection" type="QString"/>
              </Option>
            </data_defined_properties>
            <layer pass="0" enabled="1" class="SimpleFill" locked="0">
              <Option type="Map">
                <Option name="border_width_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
                <Option name="color" value="255,255,255,255" type="QString"/>
                <Option name="joinstyle" value="bevel" type="QString"/>
                <Option name="offset" value="0,0" type="QString"/>
                <Option name="offset_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
                <Option name="offset_unit" value="MM" type="QString"/>
                <Option name="outline_color" value="128,128,128,255" type="QString"/>
                <Option name="outline_style" value="no" type="QString"/>
                <Option name="outline_width" value="0" type="QString"/>
                <Option name="outline_width_unit" value="MM" type="QString"/>
                <Option name="style" value="solid" type="QString"/>
              </Option>
              <prop v="3x:0,0,0,0,0,0" k="border_width_map_unit_scale"/>
              <prop v="255,255,255,255" k="color"/>
              <prop v="bevel" k="joinstyle"/>
              <prop v="0,0" k="offset"/>
              <prop v="3x:0,0,0,0,0,0" k="offset_map_unit_scale"/>
              <prop v="MM" k="offset_unit"/>
              <prop v="128,128,128,255" k="outline_color"/>
              <prop v="no" k="outline_style"/>
              <prop v="0" k="outline_width"/>
              <prop v="MM" k="outline_width_unit"/>
              <prop v="solid" k="style"/>
              <data_defined_properties>
                <Option type="Map">
                  <Option name="name" value="" type="QString"/>
                  <Option name="properties"/>
                  <Option name="type" value="collection" type="QString"/>
                </Option>
              </data_defined_properties>
            </layer>
          </symbol>
        </background>
        <shadow shadowUnder="0" shadowOffsetAngle="135" shadowRadiusAlphaOnly="0" shadowColor="0,0,0,255" shadowOpacity="0.69999999999999996" shadowBlendMode="6" shadowOffsetMapUnitScale="3x:0,0,0,0,0,0" shadowOffsetGlobal="1" shadowRadiusMapUnitScale="3x:0,0,0,0,0,0" shadowDraw="0" shadowOffsetUnit="MM" shadowRadiusUnit="MM" shadowOffsetDist="1" shadowScale="100" shadowRadius="1.5"/>
        <dd_properties>
          <Option type="Map">
            <Option name="name" value="" type="QString"/>
            <Option name="properties"/>
            <Option name="type" value="collection" type="QString"/>
          </Option>
        </dd_properties>
        <substitutions/>
      </text-style>
      <text-format reverseDirectionSymbol="0" multilineAlign="3" plussign="0" useMaxLineLengthForAutoWrap="1" autoWrapLength="0" leftDirectionSymbol="&lt;" decimals="3" addDirectionSymbol="0" rightDirectionSymbol=">" placeDirectionSymbol="0" wrapChar="" formatNumbers="0"/>
      <placement layerType="UnknownGeometry" lineAnchorPercent="0.5" predefinedPositionOrder="TR,TL,BR,BL,R,L,TSR,BSR" geometryGeneratorType="PointGeometry" xOffset="0" maxCurvedCharAngleIn="25" lineAnchorType="0" centroidWhole="0" overrunDistanceMapUnitScale="3x:0,0,0,0,0,0" centroidInside="0" distUnits="MM" placement="6" rotationAngle="0" overrunDistanceUnit="MM" fitInPolygonOnly="0" dist="0" lineAnchorClipping="0" offsetType="0" labelOffsetMapUnitScale="3x:0,0,0,0,0,0" yOffset="0" placementFlags="10" priority="5" maxCurvedCharAngleOut="-25" repeatDistanceUnits="MM" geometryGenerator="" polygonPlacementFlags="2" rotationUnit="AngleDegrees" overrunDistance="0" repeatDistance="0" distMapUnitScale="3x:0,0,0,0,0,0" repeatDistanceMapUnitScale="3x:0,0,0,0,0,0" quadOffset="4" preserveRotation="1" offsetUnits="MM" geometryGeneratorEnabled="0"/>
      <rendering upsidedownLabels="0" labelPerPart="0" scaleMax="2500" obstacleType="1" fontLimitPixelSize="0" minFeatureSize="0" mergeLines="0" obstacleFactor="1" obstacle="1" fontMaxPixelSize="10000" zIndex="0" maxNumLabels="2000" drawLabels="1" scaleMin="1" scaleVisibility="1" limitNumLabels="0" unplacedVisibility="0" fontMinPixelSize="0" displayAll="0"/>
      <dd_properties>
        <Option type="Map">
          <Option name="name" value="" type="QString"/>
          <Option name="properties"/>
          <Option name="type" value="collection" type="QString"/>
        </Option>
      </dd_properties>
      <callout type="simple">
        <Option type="Map">
          <Option name="anchorPoint" value="pole_of_inaccessibility" type="QString"/>
          <Option name="blendMode" value="0" type="int"/>
          <Option name="ddProperties" type="Map">
            <Option name="name" value="" type="QString"/>
            <Option name="properties"/>
            <Option name="type" value="collection" type="QString"/>
          </Option>
          <Option name="drawToAllParts" value="false" type="bool"/>
          <Option name="enabled" value="0" type="QString"/>
          <Option name="labelAnchorPoint" value="point_on_exterior" type="QString"/>
          <Option name="lineSymbol" value="&lt;symbol name=&quot;symbol&quot; force_rhr=&quot;0&quot; clip_to_extent=&quot;1&quot; alpha=&quot;1&quot; type=&quot;line&quot;>&lt;data_defined_properties>&lt;Option type=&quot;Map&quot;>&lt;Option name=&quot;name&quot; value=&quot;&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;properties&quot;/>&lt;Option name=&quot;type&quot; value=&quot;collection&quot; type=&quot;QString&quot;/>&lt;/Option>&lt;/data_defined_properties>&lt;layer pass=&quot;0&quot; enabled=&quot;1&quot; class=&quot;SimpleLine&quot; locked=&quot;0&quot;>&lt;Option type=&quot;Map&quot;>&lt;Option name=&quot;align_dash_pattern&quot; value=&quot;0&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;capstyle&quot; value=&quot;square&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;customdash&quot; value=&quot;5;2&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;customdash_map_unit_scale&quot; value=&quot;3x:0,0,0,0,0,0&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;customdash_unit&quot; value=&quot;MM&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;dash_pattern_offset&quot; value=&quot;0&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;dash_pattern_offset_map_unit_scale&quot; value=&quot;3x:0,0,0,0,0,0&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;dash_pattern_offset_unit&quot; value=&quot;MM&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;draw_inside_polygon&quot; value=&quot;0&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;joinstyle&quot; value=&quot;bevel&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;line_color&quot; value=&quot;60,60,60,255&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;line_style&quot; value=&quot;solid&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;line_width&quot; value=&quot;0.3&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;line_width_unit&quot; value=&quot;MM&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;offset&quot; value=&quot;0&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;offset_map_unit_scale&quot; value=&quot;3x:0,0,0,0,0,0&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;offset_unit&quot; value=&quot;MM&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;ring_filter&quot; value=&quot;0&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;trim_distance_end&quot; value=&quot;0&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;trim_distance_end_map_unit_scale&quot; value=&quot;3x:0,0,0,0,0,0&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;trim_distance_end_unit&quot; value=&quot;MM&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;trim_distance_start&quot; value=&quot;0&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;trim_distance_start_map_unit_scale&quot; value=&quot;3x:0,0,0,0,0,0&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;trim_distance_start_unit&quot; value=&quot;MM&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;tweak_dash_pattern_on_corners&quot; value=&quot;0&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;use_custom_dash&quot; value=&quot;0&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;width_map_unit_scale&quot; value=&quot;3x:0,0,0,0,0,0&quot; type=&quot;QString&quot;/>&lt;/Option>&lt;prop v=&quot;0&quot; k=&quot;align_dash_pattern&quot;/>&lt;prop v=&quot;square&quot; k=&quot;capstyle&quot;/>&lt;prop v=&quot;5;2&quot; k=&quot;customdash&quot;/>&lt;prop v=&quot;3x:0,0,0,0,0,0&quot; k=&quot;customdash_map_unit_scale&quot;/>&lt;prop v=&quot;MM&quot; k=&quot;customdash_unit&quot;/>&lt;prop v=&quot;0&quot; k=&quot;dash_pattern_offset&quot;/>&lt;prop v=&quot;3x:0,0,0,0,0,0&quot; k=&quot;dash_pattern_offset_map_unit_scale&quot;/>&lt;prop v=&quot;MM&quot; k=&quot;dash_pattern_offset_unit&quot;/>&lt;prop v=&quot;0&quot; k=&quot;draw_inside_polygon&quot;/>&lt;prop v=&quot;bevel&quot; k=&quot;joinstyle&quot;/>&lt;prop v=&quot;60,60,60,255&quot; k=&quot;line_color&quot;/>&lt;prop v=&quot;solid&quot; k=&quot;line_style&quot;/>&lt;prop v=&quot;0.3&quot; k=&quot;line_width&quot;/>&lt;prop v=&quot;MM&quot; k=&quot;line_width_unit&quot;/>&lt;prop v=&quot;0&quot; k=&quot;offset&quot;/>&lt;prop v=&quot;3x:0,0,0,0,0,0&quot; k=&quot;offset_map_unit_scale&quot;/>&lt;prop v=&quot;MM&quot; k=&quot;offset_unit&quot;/>&lt;prop v=&quot;0&quot; k=&quot;ring_filter&quot;/>&lt;prop v=&quot;0&quot; k=&quot;trim_distance_end&quot;/>&lt;prop v=&quot;3x:0,0,0,0,0,0&quot; k=&quot;trim_distance_end_map_unit_scale&quot;/>&lt;prop v=&quot;MM&quot; k=&quot;trim_distance_end_unit&quot;/>&lt;prop v=&quot;0&quot; k=&quot;trim_distance_start&quot;/>&lt;prop v=&quot;3x:0,0,0,0,0,0&quot; k=&quot;trim_distance_start_map_unit_scale&quot;/>&lt;prop v=&quot;MM&quot; k=&quot;trim_distance_start_unit&quot;/>&lt;prop v=&quot;0&quot; k=&quot;tweak_dash_pattern_on_corners&quot;/>&lt;prop v=&quot;0&quot; k=&quot;use_custom_dash&quot;/>&lt;prop v=&quot;3x:0,0,0,0,0,0&quot; k=&quot;width_map_unit_scale&quot;/>&lt;data_defined_properties>&lt;Option type=&quot;Map&quot;>&lt;Option name=&quot;name&quot; value=&quot;&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;properties&quot;/>&lt;Option name=&quot;type&quot; value=&quot;collection&quot; type=&quot;QString&quot;/>&lt;/Option>&lt;/data_defined_properties>&lt;/layer>&lt;/symbol>" type="QString"/>
          <Option name="minLength" value="0" type="double"/>
          <Option name="minLengthMapUnitScale" value="3x:0,0,0,0,0,0" type="QString"/>
          <Option name="minLengthUnit" value="MM" type="QString"/>
          <Option name="offsetFromAnchor" value="0" type="double"/>
          <Option name="offsetFromAnchorMapUnitScale" value="3x:0,0,0,0,0,0" type="QString"/>
          <Option name="offsetFromAnchorUnit" value="MM" type="QString"/>
          <Option name="offsetFromLabel" value="0" type="double"/>
          <Option name="offsetFromLabelMapUnitScale" value="3x:0,0,0,0,0,0" type="QString"/>
          <Option name="offsetFromLabelUnit" value="MM" type="QString"/>
        </Option>
      </callout>
    </settings>
  </labeling>
  <customproperties>
    <Option/>
  </customproperties>
  <blendMode>0</blendMode>
  <featureBlendMode>0</featureBlendMode>
  <layerOpacity>1</layerOpacity>
  <geometryOptions geometryPrecision="0" removeDuplicateNodes="0">
    <activeChecks type="StringList">
      <Option value="" type="QString"/>
    </activeChecks>
    <checkConfiguration/>
  </geometryOptions>
  <legend showLabelLegend="0" type="default-vector"/>
  <referencedLayers/>
  <fieldConfiguration>
    <field name="id_osp" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="ident_rep" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="ident_int" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="idlocal" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="idpar" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="idcom" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="dep" configurationFlags="None">
      <editWidget type="ValueMap">
        <config>
          <Option type="Map">
            <Option name="map" type="List">
              <Option type="Map">
                <Option name="59 – Nord" value="59" type="QString"/>
              </Option>
              <Option type="Map">
                <Option name="62 – Pas-de-Calais" value="62" type="QString"/>
              </Option>
            </Option>
          </Option>
        </config>
      </editWidget>
    </field>
    <field name="epci" configurationFlags="None">
      <editWidget type="ValueRelation">
        <config>
          <Option type="Map">
            <Option name="AllowMulti" value="false" type="bool"/>
            <Option name="AllowNull" value="true" type="bool"/>
            <Option name="Key" value="code" type="QString"/>
            <Option name="Layer" value="" type="QString"/>
            <Option name="LayerName" value="epci" type="QString"/>
            <Option name="OrderByValue" value="true" type="bool"/>
            <Option name="Value" value="nom" type="QString"/>
          </Option>
        </config>
      </editWidget>
    </field>
    <field name="intitule" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="bailleur" configurationFlags="None">
      <editWidget type="ValueMap">
        <config>
          <Option type="Map">
            <Option name="map" type="List">
              <Option type="Map">
                <Option name="Maisons &amp; Cités (M&amp;C)" value="M&amp;C" type="QString"/>
              </Option>
              <Option type="Map">
                <Option name="SIA Habitat (SIA)" value="SIA" type="QString"/>
              </Option>
              <Option type="Map">
                <Option name="Pas-de-Calais Habitat (PDCH)" value="PDCH" type="QString"/>
              </Option>
              <Option type="Map">
                <Option name="Partenord Habitat (PARTENORD)" value="PARTENORD" type="QString"/>
              </Option>
              <Option type="Map">
                <Option name="Norevie (NOREVIE)" value="NOREVIE" type="QString"/>
              </Option>
              <Option type="Map">
                <Option name="Vilogia (VILOGIA)" value="VILOGIA" type="QString"/>
              </Option>
              <Option type="Map">
                <Option name="Clésence (CLESENCE)" value="CLESENCE" type="QString"/>
              </Option>
            </Option>
          </Option>
        </config>
      </editWidget>
    </field>
    <field name="type_palu" configurationFlags="None">
      <editWidget type="ValueMap">
        <config>
          <Option type="Map">
            <Option name="map" type="List">
              <Option type="Map">
                <Option name="Groupé" value="Groupé" type="QString"/>
              </Option>
              <Option type="Map">
                <Option name="Isolé" value="Isolé" type="QString"/>
              </Option>
              <Option type="Map">
                <Option name="Hors" value="Hors" type="QString"/>
              </Option>
            </Option>
          </Option>
        </config>
      </editWidget>
    </field>
    <field name="num_decision" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="annee_financ" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="date_os" configurationFlags="None">
      <editWidget type="DateTime">
        <config>
          <Option type="Map">
            <Option name="allow_null" value="true" type="bool"/>
            <Option name="calendar_popup" value="true" type="bool"/>
            <Option name="display_format" value="dd/MM/yyyy" type="QString"/>
            <Option name="field_format" value="yyyy-MM-dd" type="QString"/>
          </Option>
        </config>
      </editWidget>
    </field>
    <field name="date_fin" configurationFlags="None">
      <editWidget type="DateTime">
        <config>
          <Option type="Map">
            <Option name="allow_null" value="true" type="bool"/>
            <Option name="calendar_popup" value="true" type="bool"/>
            <Option name="display_format" value="dd/MM/yyyy" type="QString"/>
            <Option name="field_format" value="yyyy-MM-dd" type="QString"/>
          </Option>
        </config>
      </editWidget>
    </field>
    <field name="dnvoiri" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="dindic" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="dvoilib" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="idcomtxt" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="cite_ini" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="id_cite" configurationFlags="None">
      <editWidget type="ValueRelation">
        <config>
          <Option type="Map">
            <Option name="AllowMulti" value="false" type="bool"/>
            <Option name="AllowNull" value="true" type="bool"/>
            <Option name="Key" value="id_cite" type="QString"/>
            <Option name="Layer" value="" type="QString"/>
            <Option name="LayerName" value="cites" type="QString"/>
            <Option name="OrderByValue" value="true" type="bool"/>
            <Option name="Value" value="nom" type="QString"/>
          </Option>
        </config>
      </editWidget>
    </field>
    <field name="nom_cite_1" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="l_id_cite" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="info" configurationFlags="None">
      <editWidget type="TextEdit">
        <config>
          <Option type="Map">
            <Option name="IsMultiline" value="true" type="bool"/>
            <Option name="UseHtml" value="false" type="bool"/>
          </Option>
        </config>
      </editWidget>
    </field>
    <field name="num_rpls_ini" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="num_esti_ini" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="geoloc_source" configurationFlags="None">
      <editWidget type="ValueMap">
        <config>
          <Option type="Map">
            <Option name="map" type="List">
              <Option type="Map">
                <Option name="Parcelle cadastrale" value="parcelle" type="QString"/>
              </Option>
              <Option type="Map">
                <Option name="Local des Fichiers fonciers" value="local_ff" type="QString"/>
              </Option>
              <Option type="Map">
                <Option name="Point adresse" value="adresse" type="QString"/>
              </Option>
              <Option type="Map">
                <Option name="Placé à la main" value="manuel" type="QString"/>
              </Option>
            </Option>
          </Option>
        </config>
      </editWidget>
    </field>
    <field name="geoloc_motif" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="date_maj" configurationFlags="None">
      <editWidget type="DateTime">
        <config>
          <Option type="Map">
            <Option name="allow_null" value="true" type="bool"/>
            <Option name="calendar_popup" value="false" type="bool"/>
            <Option name="display_format" value="dd/MM/yyyy HH:mm" type="QString"/>
            <Option name="field_format" value="yyyy-MM-ddTHH:mm:ss" type="QString"/>
          </Option>
        </config>
      </editWidget>
    </field>
    <field name="statut" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="geom_import" configurationFlags="None">
      <editWidget type="Hidden">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
  </fieldConfiguration>
  <aliases>
    <alias name="Identifiant OSP" index="0" field="id_osp"/>
    <alias name="Identifiant RPLS" index="1" field="ident_rep"/>
    <alias name="Identifiant bailleur" index="2" field="ident_int"/>
    <alias name="Identifiant fiscal (idlocal)" index="3" field="idlocal"/>
    <alias name="Parcelle (idpar)" index="4" field="idpar"/>
    <alias name="Code INSEE de la commune" index="5" field="idcom"/>
    <alias name="Département" index="6" field="dep"/>
    <alias name="EPCI" index="7" field="epci"/>
    <alias name="Intitulé de l'opération" index="8" field="intitule"/>
    <alias name="Bailleur" index="9" field="bailleur"/>
    <alias name="Type PALULOS" index="10" field="type_palu"/>
    <alias name="N° de décision" index="11" field="num_decision"/>
    <alias name="Année de financement" index="12" field="annee_financ"/>
    <alias name="Date de l'ordre de service" index="13" field="date_os"/>
    <alias name="Date de fin des travaux" index="14" field="date_fin"/>
    <alias name="Numéro de voie" index="15" field="dnvoiri"/>
    <alias name="Indice de répétition" index="16" field="dindic"/>
    <alias name="Libellé de la voie" index="17" field="dvoilib"/>
    <alias name="Commune" index="18" field="idcomtxt"/>
    <alias name="Cité (selon le bailleur)" index="19" field="cite_ini"/>
    <alias name="Cité" index="20" field="id_cite"/>
    <alias name="Nom de la cité" index="21" field="nom_cite_1"/>
    <alias name="Cités touchées (identifiants)" index="22" field="l_id_cite"/>
    <alias name="Information" index="23" field="info"/>
    <alias name="Identifiant RPLS reçu" index="24" field="num_rpls_ini"/>
    <alias name="Identifiant bailleur reçu" index="25" field="num_esti_ini"/>
    <alias name="Source de la géolocalisation" index="26" field="geoloc_source"/>
    <alias name="Motif de non-géolocalisation" index="27" field="geoloc_motif"/>
    <alias name="Date de mise à jour" index="28" field="date_maj"/>
    <alias name="Statut au dernier envoi" index="29" field="statut"/>
    <alias name="Position à l'import (technique)" index="30" field="geom_import"/>
  </aliases>
  <defaults>
    <default field="id_osp" applyOnUpdate="0" expression=""/>
    <default field="ident_rep" applyOnUpdate="0" expression=""/>
    <default field="ident_int" applyOnUpdate="0" expression=""/>
    <default field="idlocal" applyOnUpdate="0" expression=""/>
    <default field="idpar" applyOnUpdate="0" expression=""/>
    <default field="idcom" applyOnUpdate="0" expression=""/>
    <default field="dep" applyOnUpdate="0" expression=""/>
    <default field="epci" applyOnUpdate="0" expression=""/>
    <default field="intitule" applyOnUpdate="0" expression=""/>
    <default field="bailleur" applyOnUpdate="0" expression=""/>
    <default field="type_palu" applyOnUpdate="0" expression=""/>
    <default field="num_decision" applyOnUpdate="0" expression=""/>
    <default field="annee_financ" applyOnUpdate="0" expression=""/>
    <default field="date_os" applyOnUpdate="0" expression=""/>
    <default field="date_fin" applyOnUpdate="0" expression=""/>
    <default field="dnvoiri" applyOnUpdate="0" expression=""/>
    <default field="dindic" applyOnUpdate="0" expression=""/>
    <default field="dvoilib" applyOnUpdate="0" expression=""/>
    <default field="idcomtxt" applyOnUpdate="0" expression=""/>
    <default field="cite_ini" applyOnUpdate="0" expression=""/>
    <default field="id_cite" applyOnUpdate="0" expression=""/>
    <default field="nom_cite_1" applyOnUpdate="0" expression=""/>
    <default field="l_id_cite" applyOnUpdate="0" expression=""/>
    <default field="info" applyOnUpdate="0" expression=""/>
    <default field="num_rpls_ini" applyOnUpdate="0" expression=""/>
    <default field="num_esti_ini" applyOnUpdate="0" expression=""/>
    <default field="geoloc_source" applyOnUpdate="1" expression="CASE WHEN &quot;geom_import&quot; IS NOT NULL AND $geometry IS NOT NULL AND geom_to_wkt($geometry, 6) &lt;> &quot;geom_import&quot; THEN 'manuel' ELSE &quot;geoloc_source&quot; END"/>
    <default field="geoloc_motif" applyOnUpdate="0" expression=""/>
    <default field="date_maj" applyOnUpdate="1" expression="now()"/>
    <default field="statut" applyOnUpdate="0" expression=""/>
    <default field="geom_import" applyOnUpdate="0" expression=""/>
  </defaults>
  <constraints>
    <constraint field="id_osp" notnull_strength="0" unique_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="ident_rep" notnull_strength="0" unique_strength="0" constraints="4" exp_strength="1"/>
    <constraint field="ident_int" notnull_strength="0" unique_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="idlocal" notnull_strength="0" unique_strength="0" constraints="4" exp_strength="1"/>
    <constraint field="idpar" notnull_strength="0" unique_strength="0" constraints="4" exp_strength="1"/>
    <constraint field="idcom" notnull_strength="0" unique_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="dep" notnull_strength="0" unique_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="epci" notnull_strength="0" unique_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="intitule" notnull_strength="0" unique_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="bailleur" notnull_strength="0" unique_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="type_palu" notnull_strength="0" unique_strength="0" constraints="4" exp_strength="1"/>
    <constraint field="num_decision" notnull_strength="0" unique_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="annee_financ" notnull_strength="0" unique_strength="0" constraints="4" exp_strength="1"/>
    <constraint field="date_os" notnull_strength="0" unique_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="date_fin" notnull_strength="0" unique_strength="0" constraints="4" exp_strength="1"/>
    <constraint field="dnvoiri" notnull_strength="0" unique_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="dindic" notnull_strength="0" unique_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="dvoilib" notnull_strength="0" unique_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="idcomtxt" notnull_strength="0" unique_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="cite_ini" notnull_strength="0" unique_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="id_cite" notnull_strength="0" unique_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="nom_cite_1" notnull_strength="0" unique_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="l_id_cite" notnull_strength="0" unique_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="info" notnull_strength="0" unique_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="num_rpls_ini" notnull_strength="0" unique_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="num_esti_ini" notnull_strength="0" unique_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="geoloc_source" notnull_strength="0" unique_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="geoloc_motif" notnull_strength="0" unique_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="date_maj" notnull_strength="0" unique_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="statut" notnull_strength="0" unique_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="geom_import" notnull_strength="0" unique_strength="0" constraints="0" exp_strength="0"/>
  </constraints>
  <constraintExpressions>
    <constraint desc="" field="id_osp" exp=""/>
    <constraint desc="L'identifiant RPLS compte exactement 10 chiffres, zéros de tête compris (par exemple 0044619057)." field="ident_rep" exp="&quot;ident_rep&quot; IS NULL OR regexp_match(&quot;ident_rep&quot;, '^[0-9]{10}$')"/>
    <constraint desc="" field="ident_int" exp=""/>
    <constraint desc="L'identifiant fiscal (idlocal) compte 12 caractères : département (2) et invariant (10)." field="idlocal" exp="&quot;idlocal&quot; IS NULL OR regexp_match(&quot;idlocal&quot;, '^([0-9]{2}|2[AB])[0-9A-Z]{10}$')"/>
    <constraint desc="La parcelle (idpar) compte 14 caractères : commune (5), préfixe (3), section (2), numéro (4), par exemple 62498000AP0347." field="idpar" exp="&quot;idpar&quot; IS NULL OR regexp_match(&quot;idpar&quot;, '^([0-9]{2}|2[AB])[0-9]{6}[0-9A-Z]{2}[0-9]{4}$')"/>
    <constraint desc="" field="idcom" exp=""/>
    <constraint desc="" field="dep" exp=""/>
    <constraint desc="" field="epci" exp=""/>
    <constraint desc="" field="intitule" exp=""/>
    <constraint desc="" field="bailleur" exp=""/>
    <constraint desc="Le type PALULOS est Groupé, Isolé ou Hors." field="type_palu" exp="&quot;type_palu&quot; IS NULL OR &quot;type_palu&quot; IN ('Groupé', 'Isolé', 'Hors')"/>
    <constraint desc="" field="num_decision" exp=""/>
    <constraint desc="L'année de financement doit être comprise entre 2000 et 2040." field="annee_financ" exp="&quot;annee_financ&quot; IS NULL OR (&quot;annee_financ&quot; >= 2000 AND &quot;annee_financ&quot; &lt;= 2040)"/>
    <constraint desc="" field="date_os" exp=""/>
    <constraint desc="La date de fin des travaux ne peut pas précéder la date de l'ordre de service." field="date_fin" exp="&quot;date_fin&quot; IS NULL OR &quot;date_os&quot; IS NULL OR &quot;date_fin&quot; >= &quot;date_os&quot;"/>
    <constraint desc="" field="dnvoiri" exp=""/>
    <constraint desc="" field="dindic" exp=""/>
    <constraint desc="" field="dvoilib" exp=""/>
    <constraint desc="" field="idcomtxt" exp=""/>
    <constraint desc="" field="cite_ini" exp=""/>
    <constraint desc="" field="id_cite" exp=""/>
    <constraint desc="" field="nom_cite_1" exp=""/>
    <constraint desc="" field="l_id_cite" exp=""/>
    <constraint desc="" field="info" exp=""/>
    <constraint desc="" field="num_rpls_ini" exp=""/>
    <constraint desc="" field="num_esti_ini" exp=""/>
    <constraint desc="" field="geoloc_source" exp=""/>
    <constraint desc="" field="geoloc_motif" exp=""/>
    <constraint desc="" field="date_maj" exp=""/>
    <constraint desc="" field="statut" exp=""/>
    <constraint desc="" field="geom_import" exp=""/>
  </constraintExpressions>
  <expressionfields/>
  <attributeactions/>
  <attributetableconfig sortExpression="" actionWidgetStyle="dropDown" sortOrder="0">
    <columns/>
  </attributetableconfig>
  <conditionalstyles>
    <rowstyles/>
    <fieldstyles/>
  </conditionalstyles>
  <storedexpressions/>
  <editform tolerant="1"></editform>
  <editforminit/>
  <editforminitcodesource>0</editforminitcodesource>
  <editforminitfilepath></editforminitfilepath>
  <editforminitcode><![CDATA[]]></editforminitcode>
  <featformsuppress>0</featformsuppress>
  <editorlayout>tablayout</editorlayout>
  <attributeEditorForm>
    <attributeEditorContainer name="Identifiants" visibilityExpressionEnabled="0" showLabel="1" visibilityExpression="" columnCount="1" groupBox="0">
      <attributeEditorField name="ident_rep" index="1" showLabel="1"/>
      <attributeEditorField name="ident_int" index="2" showLabel="1"/>
      <attributeEditorField name="idlocal" index="3" showLabel="1"/>
      <attributeEditorField name="idpar" index="4" showLabel="1"/>
    </attributeEditorContainer>
    <attributeEditorContainer name="Programme" visibilityExpressionEnabled="0" showLabel="1" visibilityExpression="" columnCount="1" groupBox="0">
      <attributeEditorField name="bailleur" index="9" showLabel="1"/>
      <attributeEditorField name="intitule" index="8" showLabel="1"/>
      <attributeEditorField name="type_palu" index="10" showLabel="1"/>
      <attributeEditorField name="num_decision" index="11" showLabel="1"/>
      <attributeEditorField name="annee_financ" index="12" showLabel="1"/>
      <attributeEditorField name="date_os" index="13" showLabel="1"/>
      <attributeEditorField name="date_fin" index="14" showLabel="1"/>
    </attributeEditorContainer>
    <attributeEditorContainer name="Localisation" visibilityExpressionEnabled="0" showLabel="1" visibilityExpression="" columnCount="1" groupBox="0">
      <attributeEditorField name="dnvoiri" index="15" showLabel="1"/>
      <attributeEditorField name="dindic" index="16" showLabel="1"/>
      <attributeEditorField name="dvoilib" index="17" showLabel="1"/>
      <attributeEditorField name="idcom" index="5" showLabel="1"/>
      <attributeEditorField name="idcomtxt" index="18" showLabel="1"/>
      <attributeEditorField name="epci" index="7" showLabel="1"/>
      <attributeEditorField name="dep" index="6" showLabel="1"/>
      <attributeEditorField name="geoloc_source" index="26" showLabel="1"/>
      <attributeEditorField name="geoloc_motif" index="27" showLabel="1"/>
    </attributeEditorContainer>
    <attributeEditorContainer name="Cité" visibilityExpressionEnabled="0" showLabel="1" visibilityExpression="" columnCount="1" groupBox="0">
      <attributeEditorField name="cite_ini" index="19" showLabel="1"/>
      <attributeEditorField name="id_cite" index="20" showLabel="1"/>
      <attributeEditorField name="nom_cite_1" index="21" showLabel="1"/>
      <attributeEditorField name="l_id_cite" index="22" showLabel="1"/>
    </attributeEditorContainer>
    <attributeEditorContainer name="Suivi" visibilityExpressionEnabled="0" showLabel="1" visibilityExpression="" columnCount="1" groupBox="0">
      <attributeEditorField name="info" index="23" showLabel="1"/>
      <attributeEditorField name="date_maj" index="28" showLabel="1"/>
      <attributeEditorField name="statut" index="29" showLabel="1"/>
      <attributeEditorField name="id_osp" index="0" showLabel="1"/>
      <attributeEditorField name="num_rpls_ini" index="24" showLabel="1"/>
      <attributeEditorField name="num_esti_ini" index="25" showLabel="1"/>
    </attributeEditorContainer>
  </attributeEditorForm>
  <editable>
    <field name="date_maj" editable="0"/>
    <field name="dep" editable="0"/>
    <field name="epci" editable="0"/>
    <field name="geoloc_motif" editable="0"/>
    <field name="geom_import" editable="0"/>
    <field name="id_osp" editable="0"/>
    <field name="idcomtxt" editable="0"/>
    <field name="l_id_cite" editable="0"/>
    <field name="nom_cite_1" editable="0"/>
    <field name="num_esti_ini" editable="0"/>
    <field name="num_rpls_ini" editable="0"/>
    <field name="statut" editable="0"/>
  </editable>
  <labelOnTop/>
  <reuseLastValue/>
  <dataDefinedFieldProperties/>
  <widgets/>
  <previewExpression>coalesce("ident_rep", "ident_int") || ' – ' || coalesce("idcomtxt", "idcom", '')</previewExpression>
  <mapTip></mapTip>
  <layerGeometryType>0</layerGeometryType>
</qgis>
