<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis simplifyDrawingTol="1" labelsEnabled="1" simplifyLocal="1" simplifyDrawingHints="1" simplifyAlgorithm="0" simplifyMaxScale="1" symbologyReferenceScale="-1" minScale="100000000" version="3.22.16-Białowieża" styleCategories="AllStyleCategories" hasScaleBasedVisibilityFlag="0" maxScale="0" readOnly="0">
  <flags>
    <Identifiable>1</Identifiable>
    <Removable>1</Removable>
    <Searchable>1</Searchable>
    <Private>0</Private>
  </flags>
  <temporal limitMode="0" startField="" durationField="" enabled="0" endExpression="" startExpression="" durationUnit="min" fixedDuration="0" accumulate="0" mode="0" endField="">
    <fixedRange>
      <start></start>
      <end></end>
    </fixedRange>
  </temporal>
  <renderer-v2 type="categorizedSymbol" referencescale="-1" enableorderby="0" attr="bailleur" forceraster="0" symbollevels="0">
    <categories>
      <category symbol="0" value="M&amp;C" render="true" label="Maisons &amp; Cités"/>
      <category symbol="1" value="SIA" render="true" label="SIA Habitat"/>
      <category symbol="2" value="PDCH" render="true" label="Pas-de-Calais Habitat"/>
      <category symbol="3" value="PARTENORD" render="true" label="Partenord Habitat"/>
      <category symbol="4" value="NOREVIE" render="true" label="Norevie"/>
      <category symbol="5" value="VILOGIA" render="true" label="Vilogia"/>
      <category symbol="6" value="CLESENCE" render="true" label="Clésence"/>
      <category symbol="7" value="" render="true" label="Autre / non renseigné"/>
    </categories>
    <symbols>
      <symbol type="marker" force_rhr="0" clip_to_extent="1" alpha="1" name="0">
        <data_defined_properties>
          <Option type="Map">
            <Option type="QString" name="name" value=""/>
            <Option name="properties"/>
            <Option type="QString" name="type" value="collection"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="angle" value="0"/>
            <Option type="QString" name="cap_style" value="square"/>
            <Option type="QString" name="color" value="192,57,43,255"/>
            <Option type="QString" name="horizontal_anchor_point" value="1"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="name" value="circle"/>
            <Option type="QString" name="offset" value="0,0"/>
            <Option type="QString" name="offset_map_unit_scale" value="3x:0,0,0,0,0,0"/>
            <Option type="QString" name="offset_unit" value="MM"/>
            <Option type="QString" name="outline_color" value="255,255,255,255"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.3"/>
            <Option type="QString" name="outline_width_map_unit_scale" value="3x:0,0,0,0,0,0"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="scale_method" value="diameter"/>
            <Option type="QString" name="size" value="2.4"/>
            <Option type="QString" name="size_map_unit_scale" value="3x:0,0,0,0,0,0"/>
            <Option type="QString" name="size_unit" value="MM"/>
            <Option type="QString" name="vertical_anchor_point" value="1"/>
          </Option>
          <prop k="angle" v="0"/>
          <prop k="cap_style" v="square"/>
          <prop k="color" v="192,57,43,255"/>
          <prop k="horizontal_anchor_point" v="1"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="name" v="circle"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="offset_unit" v="MM"/>
          <prop k="outline_color" v="255,255,255,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.3"/>
          <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="scale_method" v="diameter"/>
          <prop k="size" v="2.4"/>
          <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="size_unit" v="MM"/>
          <prop k="vertical_anchor_point" v="1"/>
          <data_defined_properties>
            <Option type="Map">
              <Option type="QString" name="name" value=""/>
              <Option name="properties"/>
              <Option type="QString" name="type" value="collection"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol type="marker" force_rhr="0" clip_to_extent="1" alpha="1" name="1">
        <data_defined_properties>
          <Option type="Map">
            <Option type="QString" name="name" value=""/>
            <Option name="properties"/>
            <Option type="QString" name="type" value="collection"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="angle" value="0"/>
            <Option type="QString" name="cap_style" value="square"/>
            <Option type="QString" name="color" value="36,113,163,255"/>
            <Option type="QString" name="horizontal_anchor_point" value="1"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="name" value="circle"/>
            <Option type="QString" name="offset" value="0,0"/>
            <Option type="QString" name="offset_map_unit_scale" value="3x:0,0,0,0,0,0"/>
            <Option type="QString" name="offset_unit" value="MM"/>
            <Option type="QString" name="outline_color" value="255,255,255,255"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.3"/>
            <Option type="QString" name="outline_width_map_unit_scale" value="3x:0,0,0,0,0,0"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="scale_method" value="diameter"/>
            <Option type="QString" name="size" value="2.4"/>
            <Option type="QString" name="size_map_unit_scale" value="3x:0,0,0,0,0,0"/>
            <Option type="QString" name="size_unit" value="MM"/>
            <Option type="QString" name="vertical_anchor_point" value="1"/>
          </Option>
          <prop k="angle" v="0"/>
          <prop k="cap_style" v="square"/>
          <prop k="color" v="36,113,163,255"/>
          <prop k="horizontal_anchor_point" v="1"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="name" v="circle"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="offset_unit" v="MM"/>
          <prop k="outline_color" v="255,255,255,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.3"/>
          <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="scale_method" v="diameter"/>
          <prop k="size" v="2.4"/>
          <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="size_unit" v="MM"/>
          <prop k="vertical_anchor_point" v="1"/>
          <data_defined_properties>
            <Option type="Map">
              <Option type="QString" name="name" value=""/>
              <Option name="properties"/>
              <Option type="QString" name="type" value="collection"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol type="marker" force_rhr="0" clip_to_extent="1" alpha="1" name="2">
        <data_defined_properties>
          <Option type="Map">
            <Option type="QString" name="name" value=""/>
            <Option name="properties"/>
            <Option type="QString" name="type" value="collection"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="angle" value="0"/>
            <Option type="QString" name="cap_style" value="square"/>
            <Option type="QString" name="color" value="39,174,96,255"/>
            <Option type="QString" name="horizontal_anchor_point" value="1"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="name" value="circle"/>
            <Option type="QString" name="offset" value="0,0"/>
            <Option type="QString" name="offset_map_unit_scale" value="3x:0,0,0,0,0,0"/>
            <Option type="QString" name="offset_unit" value="MM"/>
            <Option type="QString" name="outline_color" value="255,255,255,255"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.3"/>
            <Option type="QString" name="outline_width_map_unit_scale" value="3x:0,0,0,0,0,0"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="scale_method" value="diameter"/>
            <Option type="QString" name="size" value="2.4"/>
            <Option type="QString" name="size_map_unit_scale" value="3x:0,0,0,0,0,0"/>
            <Option type="QString" name="size_unit" value="MM"/>
            <Option type="QString" name="vertical_anchor_point" value="1"/>
          </Option>
          <prop k="angle" v="0"/>
          <prop k="cap_style" v="square"/>
          <prop k="color" v="39,174,96,255"/>
          <prop k="horizontal_anchor_point" v="1"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="name" v="circle"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="offset_unit" v="MM"/>
          <prop k="outline_color" v="255,255,255,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.3"/>
          <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="scale_method" v="diameter"/>
          <prop k="size" v="2.4"/>
          <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="size_unit" v="MM"/>
          <prop k="vertical_anchor_point" v="1"/>
          <data_defined_properties>
            <Option type="Map">
              <Option type="QString" name="name" value=""/>
              <Option name="properties"/>
              <Option type="QString" name="type" value="collection"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol type="marker" force_rhr="0" clip_to_extent="1" alpha="1" name="3">
        <data_defined_properties>
          <Option type="Map">
            <Option type="QString" name="name" value=""/>
            <Option name="properties"/>
            <Option type="QString" name="type" value="collection"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="angle" value="0"/>
            <Option type="QString" name="cap_style" value="square"/>
            <Option type="QString" name="color" value="142,68,173,255"/>
            <Option type="QString" name="horizontal_anchor_point" value="1"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="name" value="circle"/>
            <Option type="QString" name="offset" value="0,0"/>
            <Option type="QString" name="offset_map_unit_scale" value="3x:0,0,0,0,0,0"/>
            <Option type="QString" name="offset_unit" value="MM"/>
            <Option type="QString" name="outline_color" value="255,255,255,255"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.3"/>
            <Option type="QString" name="outline_width_map_unit_scale" value="3x:0,0,0,0,0,0"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="scale_method" value="diameter"/>
            <Option type="QString" name="size" value="2.4"/>
            <Option type="QString" name="size_map_unit_scale" value="3x:0,0,0,0,0,0"/>
            <Option type="QString" name="size_unit" value="MM"/>
            <Option type="QString" name="vertical_anchor_point" value="1"/>
          </Option>
          <prop k="angle" v="0"/>
          <prop k="cap_style" v="square"/>
          <prop k="color" v="142,68,173,255"/>
          <prop k="horizontal_anchor_point" v="1"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="name" v="circle"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="offset_unit" v="MM"/>
          <prop k="outline_color" v="255,255,255,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.3"/>
          <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="scale_method" v="diameter"/>
          <prop k="size" v="2.4"/>
          <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="size_unit" v="MM"/>
          <prop k="vertical_anchor_point" v="1"/>
          <data_defined_properties>
            <Option type="Map">
              <Option type="QString" name="name" value=""/>
              <Option name="properties"/>
              <Option type="QString" name="type" value="collection"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol type="marker" force_rhr="0" clip_to_extent="1" alpha="1" name="4">
        <data_defined_properties>
          <Option type="Map">
            <Option type="QString" name="name" value=""/>
            <Option name="properties"/>
            <Option type="QString" name="type" value="collection"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="angle" value="0"/>
            <Option type="QString" name="cap_style" value="square"/>
            <Option type="QString" name="color" value="214,137,16,255"/>
            <Option type="QString" name="horizontal_anchor_point" value="1"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="name" value="circle"/>
            <Option type="QString" name="offset" value="0,0"/>
            <Option type="QString" name="offset_map_unit_scale" value="3x:0,0,0,0,0,0"/>
            <Option type="QString" name="offset_unit" value="MM"/>
            <Option type="QString" name="outline_color" value="255,255,255,255"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.3"/>
            <Option type="QString" name="outline_width_map_unit_scale" value="3x:0,0,0,0,0,0"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="scale_method" value="diameter"/>
            <Option type="QString" name="size" value="2.4"/>
            <Option type="QString" name="size_map_unit_scale" value="3x:0,0,0,0,0,0"/>
            <Option type="QString" name="size_unit" value="MM"/>
            <Option type="QString" name="vertical_anchor_point" value="1"/>
          </Option>
          <prop k="angle" v="0"/>
          <prop k="cap_style" v="square"/>
          <prop k="color" v="214,137,16,255"/>
          <prop k="horizontal_anchor_point" v="1"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="name" v="circle"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="offset_unit" v="MM"/>
          <prop k="outline_color" v="255,255,255,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.3"/>
          <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="scale_method" v="diameter"/>
          <prop k="size" v="2.4"/>
          <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="size_unit" v="MM"/>
          <prop k="vertical_anchor_point" v="1"/>
          <data_defined_properties>
            <Option type="Map">
              <Option type="QString" name="name" value=""/>
              <Option name="properties"/>
              <Option type="QString" name="type" value="collection"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol type="marker" force_rhr="0" clip_to_extent="1" alpha="1" name="5">
        <data_defined_properties>
          <Option type="Map">
            <Option type="QString" name="name" value=""/>
            <Option name="properties"/>
            <Option type="QString" name="type" value="collection"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="angle" value="0"/>
            <Option type="QString" name="cap_style" value="square"/>
            <Option type="QString" name="color" value="23,165,137,255"/>
            <Option type="QString" name="horizontal_anchor_point" value="1"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="name" value="circle"/>
            <Option type="QString" name="offset" value="0,0"/>
            <Option type="QString" name="offset_map_unit_scale" value="3x:0,0,0,0,0,0"/>
            <Option type="QString" name="offset_unit" value="MM"/>
            <Option type="QString" name="outline_color" value="255,255,255,255"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.3"/>
            <Option type="QString" name="outline_width_map_unit_scale" value="3x:0,0,0,0,0,0"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="scale_method" value="diameter"/>
            <Option type="QString" name="size" value="2.4"/>
            <Option type="QString" name="size_map_unit_scale" value="3x:0,0,0,0,0,0"/>
            <Option type="QString" name="size_unit" value="MM"/>
            <Option type="QString" name="vertical_anchor_point" value="1"/>
          </Option>
          <prop k="angle" v="0"/>
          <prop k="cap_style" v="square"/>
          <prop k="color" v="23,165,137,255"/>
          <prop k="horizontal_anchor_point" v="1"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="name" v="circle"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="offset_unit" v="MM"/>
          <prop k="outline_color" v="255,255,255,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.3"/>
          <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="scale_method" v="diameter"/>
          <prop k="size" v="2.4"/>
          <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="size_unit" v="MM"/>
          <prop k="vertical_anchor_point" v="1"/>
          <data_defined_properties>
            <Option type="Map">
              <Option type="QString" name="name" value=""/>
              <Option name="properties"/>
              <Option type="QString" name="type" value="collection"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol type="marker" force_rhr="0" clip_to_extent="1" alpha="1" name="6">
        <data_defined_properties>
          <Option type="Map">
            <Option type="QString" name="name" value=""/>
            <Option name="properties"/>
            <Option type="QString" name="type" value="collection"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="angle" value="0"/>
            <Option type="QString" name="cap_style" value="square"/>
            <Option type="QString" name="color" value="127,140,141,255"/>
            <Option type="QString" name="horizontal_anchor_point" value="1"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="name" value="circle"/>
            <Option type="QString" name="offset" value="0,0"/>
            <Option type="QString" name="offset_map_unit_scale" value="3x:0,0,0,0,0,0"/>
            <Option type="QString" name="offset_unit" value="MM"/>
            <Option type="QString" name="outline_color" value="255,255,255,255"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.3"/>
            <Option type="QString" name="outline_width_map_unit_scale" value="3x:0,0,0,0,0,0"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="scale_method" value="diameter"/>
            <Option type="QString" name="size" value="2.4"/>
            <Option type="QString" name="size_map_unit_scale" value="3x:0,0,0,0,0,0"/>
            <Option type="QString" name="size_unit" value="MM"/>
            <Option type="QString" name="vertical_anchor_point" value="1"/>
          </Option>
          <prop k="angle" v="0"/>
          <prop k="cap_style" v="square"/>
          <prop k="color" v="127,140,141,255"/>
          <prop k="horizontal_anchor_point" v="1"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="name" v="circle"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="offset_unit" v="MM"/>
          <prop k="outline_color" v="255,255,255,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.3"/>
          <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="scale_method" v="diameter"/>
          <prop k="size" v="2.4"/>
          <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="size_unit" v="MM"/>
          <prop k="vertical_anchor_point" v="1"/>
          <data_defined_properties>
            <Option type="Map">
              <Option type="QString" name="name" value=""/>
              <Option name="properties"/>
              <Option type="QString" name="type" value="collection"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol type="marker" force_rhr="0" clip_to_extent="1" alpha="1" name="7">
        <data_defined_properties>
          <Option type="Map">
            <Option type="QString" name="name" value=""/>
            <Option name="properties"/>
            <Option type="QString" name="type" value="collection"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="angle" value="0"/>
            <Option type="QString" name="cap_style" value="square"/>
            <Option type="QString" name="color" value="158,158,158,255"/>
            <Option type="QString" name="horizontal_anchor_point" value="1"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="name" value="circle"/>
            <Option type="QString" name="offset" value="0,0"/>
            <Option type="QString" name="offset_map_unit_scale" value="3x:0,0,0,0,0,0"/>
            <Option type="QString" name="offset_unit" value="MM"/>
            <Option type="QString" name="outline_color" value="255,255,255,255"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.3"/>
            <Option type="QString" name="outline_width_map_unit_scale" value="3x:0,0,0,0,0,0"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="scale_method" value="diameter"/>
            <Option type="QString" name="size" value="2.4"/>
            <Option type="QString" name="size_map_unit_scale" value="3x:0,0,0,0,0,0"/>
            <Option type="QString" name="size_unit" value="MM"/>
            <Option type="QString" name="vertical_anchor_point" value="1"/>
          </Option>
          <prop k="angle" v="0"/>
          <prop k="cap_style" v="square"/>
          <prop k="color" v="158,158,158,255"/>
          <prop k="horizontal_anchor_point" v="1"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="name" v="circle"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="offset_unit" v="MM"/>
          <prop k="outline_color" v="255,255,255,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.3"/>
          <prop k="outline_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="scale_method" v="diameter"/>
          <prop k="size" v="2.4"/>
          <prop k="size_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="size_unit" v="MM"/>
          <prop k="vertical_anchor_point" v="1"/>
          <data_defined_properties>
            <Option type="Map">
              <Option type="QString" name="name" value=""/>
              <Option name="properties"/>
              <Option type="QString" name="type" value="collection"/>
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
      <text-style fieldName="ident_rep" fontWeight="50" useSubstitutions="0" capitalization="0" fontSizeMapUnitScale="3x:0,0,0,0,0,0" textOrientation="horizontal" legendString="Aa" textColor="0,0,0,255" fontSize="8" fontUnderline="0" fontStrikeout="0" fontLetterSpacing="0" textOpacity="1" blendMode="0" fontItalic="0" fontWordSpacing="0" fontSizeUnit="Point" previewBkgrdColor="255,255,255,255" fontKerning="1" fontFamily="DejaVu Sans" allowHtml="0" isExpression="0" namedStyle="" multilineHeight="1">
        <families/>
        <text-buffer bufferJoinStyle="128" bufferSize="0.59999999999999998" bufferSizeMapUnitScale="3x:0,0,0,0,0,0" bufferDraw="1" bufferBlendMode="0" bufferNoFill="1" bufferColor="255,255,255,255" bufferOpacity="1" bufferSizeUnits="MM"/>
        <text-mask maskOpacity="1" maskedSymbolLayers="" maskSizeUnits="MM" maskJoinStyle="128" maskType="0" maskSizeMapUnitScale="3x:0,0,0,0,0,0" maskEnabled="0" maskSize="1.5"/>
        <background shapeDraw="0" shapeRadiiX="0" shapeOpacity="1" shapeRadiiY="0" shapeOffsetMapUnitScale="3x:0,0,0,0,0,0" shapeFillColor="255,255,255,255" shapeBorderWidth="0" shapeSizeMapUnitScale="3x:0,0,0,0,0,0" shapeRadiiMapUnitScale="3x:0,0,0,0,0,0" shapeBorderWidthUnit="MM" shapeRotationType="0" shapeSVGFile="" shapeJoinStyle="64" shapeBorderColor="128,128,128,255" shapeBorderWidthMapUnitScale="3x:0,0,0,0,0,0" shapeRotation="0" shapeType="0" shapeOffsetUnit="MM" shapeRadiiUnit="MM" shapeOffsetX="0" shapeSizeX="0" shapeOffsetY="0" shapeSizeY="0" shapeBlendMode="0" shapeSizeUnit="MM" shapeSizeType="0">
          <symbol type="fill" force_rhr="0" clip_to_extent="1" alpha="1" name="fillSymbol">
            <data_defined_properties>
              <Option type="Map">
                <Option type="QString" name="name" value=""/>
                <Option name="properties"/>
                <Option type="QString" name="type" value="collection"/>
              </Option>
            </data_defined_properties>
            <layer class="SimpleFill" enabled="1" locked="0" pass="0">
              <Option type="Map">
                <Option type="QString" name="border_width_map_unit_scale" value="3x:0,0,0,0,0,0"/>
                <Option type="QString" name="color" value="255,255,255,255"/>
                <Option type="QString" name="joinstyle" value="bevel"/>
                <Option type="QString" name="offset" value="0,0"/>
                <Option type="QString" name="offset_map_unit_scale" value="3x:0,0,0,0,0,0"/>
                <Option type="QString" name="offset_unit" value="MM"/>
                <Option type="QString" name="outline_color" value="128,128,128,255"/>
                <Option type="QString" name="outline_style" value="no"/>
                <Option type="QString" name="outline_width" value="0"/>
                <Option type="QString" name="outline_width_unit" value="MM"/>
                <Option type="QString" name="style" value="solid"/>
              </Option>
              <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
              <prop k="color" v="255,255,255,255"/>
              <prop k="joinstyle" v="bevel"/>
              <prop k="offset" v="0,0"/>
              <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
              <prop k="offset_unit" v="MM"/>
              <prop k="outline_color" v="128,128,128,255"/>
              <prop k="outline_style" v="no"/>
              <prop k="outline_width" v="0"/>
              <prop k="outline_width_unit" v="MM"/>
              <prop k="style" v="solid"/>
              <data_defined_properties>
                <Option type="Map">
                  <Option type="QString" name="name" value=""/>
                  <Option name="properties"/>
                  <Option type="QString" name="type" value="collection"/>
                </Option>
              </data_defined_properties>
            </layer>
          </symbol>
        </background>
        <shadow shadowRadiusMapUnitScale="3x:0,0,0,0,0,0" shadowRadiusAlphaOnly="0" shadowOffsetUnit="MM" shadowOffsetGlobal="1" shadowUnder="0" shadowOpacity="0.69999999999999996" shadowColor="0,0,0,255" shadowDraw="0" shadowOffsetMapUnitScale="3x:0,0,0,0,0,0" shadowRadius="1.5" shadowScale="100" shadowOffsetAngle="135" shadowBlendMode="6" shadowOffsetDist="1" shadowRadiusUnit="MM"/>
        <dd_properties>
          <Option type="Map">
            <Option type="QString" name="name" value=""/>
            <Option name="properties"/>
            <Option type="QString" name="type" value="collection"/>
          </Option>
        </dd_properties>
        <substitutions/>
      </text-style>
      <text-format placeDirectionSymbol="0" plussign="0" formatNumbers="0" rightDirectionSymbol=">" multilineAlign="3" reverseDirectionSymbol="0" useMaxLineLengthForAutoWrap="1" decimals="3" wrapChar="" autoWrapLength="0" leftDirectionSymbol="&lt;" addDirectionSymbol="0"/>
      <placement placementFlags="10" rotationUnit="AngleDegrees" rotationAngle="0" yOffset="0" xOffset="0" overrunDistanceMapUnitScale="3x:0,0,0,0,0,0" overrunDistance="0" geometryGeneratorEnabled="0" layerType="UnknownGeometry" labelOffsetMapUnitScale="3x:0,0,0,0,0,0" lineAnchorClipping="0" placement="6" repeatDistanceMapUnitScale="3x:0,0,0,0,0,0" lineAnchorPercent="0.5" geometryGenerator="" maxCurvedCharAngleIn="25" geometryGeneratorType="PointGeometry" preserveRotation="1" distMapUnitScale="3x:0,0,0,0,0,0" quadOffset="4" centroidInside="0" maxCurvedCharAngleOut="-25" overrunDistanceUnit="MM" polygonPlacementFlags="2" distUnits="MM" predefinedPositionOrder="TR,TL,BR,BL,R,L,TSR,BSR" lineAnchorType="0" offsetType="1" repeatDistanceUnits="MM" repeatDistance="0" fitInPolygonOnly="0" centroidWhole="0" dist="1.2" offsetUnits="MM" priority="5"/>
      <rendering upsidedownLabels="0" unplacedVisibility="0" obstacleType="1" displayAll="0" scaleMin="1" zIndex="0" scaleVisibility="1" minFeatureSize="0" fontLimitPixelSize="0" drawLabels="1" limitNumLabels="0" labelPerPart="0" maxNumLabels="2000" obstacle="1" fontMaxPixelSize="10000" scaleMax="2500" obstacleFactor="1" fontMinPixelSize="0" mergeLines="0"/>
      <dd_properties>
        <Option type="Map">
          <Option type="QString" name="name" value=""/>
          <Option name="properties"/>
          <Option type="QString" name="type" value="collection"/>
        </Option>
      </dd_properties>
      <callout type="simple">
        <Option type="Map">
          <Option type="QString" name="anchorPoint" value="pole_of_inaccessibility"/>
          <Option type="int" name="blendMode" value="0"/>
          <Option type="Map" name="ddProperties">
            <Option type="QString" name="name" value=""/>
            <Option name="properties"/>
            <Option type="QString" name="type" value="collection"/>
          </Option>
          <Option type="bool" name="drawToAllParts" value="false"/>
          <Option type="QString" name="enabled" value="0"/>
          <Option type="QString" name="labelAnchorPoint" value="point_on_exterior"/>
          <Option type="QString" name="lineSymbol" value="&lt;symbol type=&quot;line&quot; force_rhr=&quot;0&quot; clip_to_extent=&quot;1&quot; alpha=&quot;1&quot; name=&quot;symbol&quot;>&lt;data_defined_properties>&lt;Option type=&quot;Map&quot;>&lt;Option type=&quot;QString&quot; name=&quot;name&quot; value=&quot;&quot;/>&lt;Option name=&quot;properties&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;type&quot; value=&quot;collection&quot;/>&lt;/Option>&lt;/data_defined_properties>&lt;layer class=&quot;SimpleLine&quot; enabled=&quot;1&quot; locked=&quot;0&quot; pass=&quot;0&quot;>&lt;Option type=&quot;Map&quot;>&lt;Option type=&quot;QString&quot; name=&quot;align_dash_pattern&quot; value=&quot;0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;capstyle&quot; value=&quot;square&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;customdash&quot; value=&quot;5;2&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;customdash_map_unit_scale&quot; value=&quot;3x:0,0,0,0,0,0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;customdash_unit&quot; value=&quot;MM&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;dash_pattern_offset&quot; value=&quot;0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;dash_pattern_offset_map_unit_scale&quot; value=&quot;3x:0,0,0,0,0,0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;dash_pattern_offset_unit&quot; value=&quot;MM&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;draw_inside_polygon&quot; value=&quot;0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;joinstyle&quot; value=&quot;bevel&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;line_color&quot; value=&quot;60,60,60,255&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;line_style&quot; value=&quot;solid&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;line_width&quot; value=&quot;0.3&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;line_width_unit&quot; value=&quot;MM&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;offset&quot; value=&quot;0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;offset_map_unit_scale&quot; value=&quot;3x:0,0,0,0,0,0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;offset_unit&quot; value=&quot;MM&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;ring_filter&quot; value=&quot;0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;trim_distance_end&quot; value=&quot;0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;trim_distance_end_map_unit_scale&quot; value=&quot;3x:0,0,0,0,0,0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;trim_distance_end_unit&quot; value=&quot;MM&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;trim_distance_start&quot; value=&quot;0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;trim_distance_start_map_unit_scale&quot; value=&quot;3x:0,0,0,0,0,0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;trim_distance_start_unit&quot; value=&quot;MM&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;tweak_dash_pattern_on_corners&quot; value=&quot;0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;use_custom_dash&quot; value=&quot;0&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;width_map_unit_scale&quot; value=&quot;3x:0,0,0,0,0,0&quot;/>&lt;/Option>&lt;prop k=&quot;align_dash_pattern&quot; v=&quot;0&quot;/>&lt;prop k=&quot;capstyle&quot; v=&quot;square&quot;/>&lt;prop k=&quot;customdash&quot; v=&quot;5;2&quot;/>&lt;prop k=&quot;customdash_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;customdash_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;dash_pattern_offset&quot; v=&quot;0&quot;/>&lt;prop k=&quot;dash_pattern_offset_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;dash_pattern_offset_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;draw_inside_polygon&quot; v=&quot;0&quot;/>&lt;prop k=&quot;joinstyle&quot; v=&quot;bevel&quot;/>&lt;prop k=&quot;line_color&quot; v=&quot;60,60,60,255&quot;/>&lt;prop k=&quot;line_style&quot; v=&quot;solid&quot;/>&lt;prop k=&quot;line_width&quot; v=&quot;0.3&quot;/>&lt;prop k=&quot;line_width_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;offset&quot; v=&quot;0&quot;/>&lt;prop k=&quot;offset_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;offset_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;ring_filter&quot; v=&quot;0&quot;/>&lt;prop k=&quot;trim_distance_end&quot; v=&quot;0&quot;/>&lt;prop k=&quot;trim_distance_end_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;trim_distance_end_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;trim_distance_start&quot; v=&quot;0&quot;/>&lt;prop k=&quot;trim_distance_start_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;trim_distance_start_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;tweak_dash_pattern_on_corners&quot; v=&quot;0&quot;/>&lt;prop k=&quot;use_custom_dash&quot; v=&quot;0&quot;/>&lt;prop k=&quot;width_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;data_defined_properties>&lt;Option type=&quot;Map&quot;>&lt;Option type=&quot;QString&quot; name=&quot;name&quot; value=&quot;&quot;/>&lt;Option name=&quot;properties&quot;/>&lt;Option type=&quot;QString&quot; name=&quot;type&quot; value=&quot;collection&quot;/>&lt;/Option>&lt;/data_defined_properties>&lt;/layer>&lt;/symbol>"/>
          <Option type="double" name="minLength" value="0"/>
          <Option type="QString" name="minLengthMapUnitScale" value="3x:0,0,0,0,0,0"/>
          <Option type="QString" name="minLengthUnit" value="MM"/>
          <Option type="double" name="offsetFromAnchor" value="0"/>
          <Option type="QString" name="offsetFromAnchorMapUnitScale" value="3x:0,0,0,0,0,0"/>
          <Option type="QString" name="offsetFromAnchorUnit" value="MM"/>
          <Option type="double" name="offsetFromLabel" value="0"/>
          <Option type="QString" name="offsetFromLabelMapUnitScale" value="3x:0,0,0,0,0,0"/>
          <Option type="QString" name="offsetFromLabelUnit" value="MM"/>
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
      <Option type="QString" value=""/>
    </activeChecks>
    <checkConfiguration/>
  </geometryOptions>
  <legend type="default-vector" showLabelLegend="0"/>
  <referencedLayers/>
  <fieldConfiguration>
    <field name="id_osp" configurationFlags="None">
      <editWidget type="TextEdit">
        <config>
          <Option type="Map">
            <Option type="bool" name="IsMultiline" value="false"/>
            <Option type="bool" name="UseHtml" value="false"/>
          </Option>
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
            <Option type="List" name="map">
              <Option type="Map">
                <Option type="QString" name="59 – Nord" value="59"/>
              </Option>
              <Option type="Map">
                <Option type="QString" name="62 – Pas-de-Calais" value="62"/>
              </Option>
            </Option>
          </Option>
        </config>
      </editWidget>
    </field>
    <field name="epci" configurationFlags="None">
      <editWidget type="ValueMap">
        <config>
          <Option type="Map">
            <Option type="List" name="map">
              <Option type="Map">
                <Option type="QString" name="CABBALR – Béthune-Bruay, Artois…" value="CABBALR"/>
              </Option>
              <Option type="Map">
                <Option type="QString" name="CA Coeur de Flandre" value="200040947"/>
              </Option>
              <Option type="Map">
                <Option type="QString" name="CA de Cambrai" value="200068500"/>
              </Option>
              <Option type="Map">
                <Option type="QString" name="CA des Deux Baies en Montreuill…" value="200069029"/>
              </Option>
              <Option type="Map">
                <Option type="QString" name="CA du Boulonnais" value="246200729"/>
              </Option>
              <Option type="Map">
                <Option type="QString" name="CA du Caudrésis et du Catésis" value="200030633"/>
              </Option>
              <Option type="Map">
                <Option type="QString" name="CA du Pays de Saint-Omer" value="200069037"/>
              </Option>
              <Option type="Map">
                <Option type="QString" name="CA Grand Calais Terres et Mers" value="200090751"/>
              </Option>
              <Option type="Map">
                <Option type="QString" name="CAHC – Hénin-Carvin" value="CAHC"/>
              </Option>
              <Option type="Map">
                <Option type="QString" name="CALL – Lens - Liévin" value="CALL"/>
              </Option>
              <Option type="Map">
                <Option type="QString" name="CA Maubeuge Val de Sambre" value="200043396"/>
              </Option>
              <Option type="Map">
                <Option type="QString" name="CAPH – Porte du Hainaut" value="CAPH"/>
              </Option>
              <Option type="Map">
                <Option type="QString" name="CAVM – Valenciennes Métropole" value="CAVM"/>
              </Option>
              <Option type="Map">
                <Option type="QString" name="CCCO – Coeur d'Ostrevent" value="CCCO"/>
              </Option>
              <Option type="Map">
                <Option type="QString" name="CC Coeur de l'Avesnois" value="200043263"/>
              </Option>
              <Option type="Map">
                <Option type="QString" name="CC de Desvres-Samer" value="200018083"/>
              </Option>
              <Option type="Map">
                <Option type="QString" name="CC de la Région d'Audruicq" value="246200844"/>
              </Option>
              <Option type="Map">
                <Option type="QString" name="CC de la Terre des Deux Caps" value="246200380"/>
              </Option>
              <Option type="Map">
                <Option type="QString" name="CC des 7 Vallées" value="200044030"/>
              </Option>
              <Option type="Map">
                <Option type="QString" name="CC des Campagnes de l'Artois" value="200069482"/>
              </Option>
              <Option type="Map">
                <Option type="QString" name="CC des Hauts de Flandre" value="200040954"/>
              </Option>
              <Option type="Map">
                <Option type="QString" name="CC du Haut Pays du Montreuillois" value="200069235"/>
              </Option>
              <Option type="Map">
                <Option type="QString" name="CC du Pays de Lumbres" value="246201016"/>
              </Option>
              <Option type="Map">
                <Option type="QString" name="CC du Pays de Mormal" value="200043321"/>
              </Option>
              <Option type="Map">
                <Option type="QString" name="CC du Pays Solesmois" value="245901038"/>
              </Option>
              <Option type="Map">
                <Option type="QString" name="CC du Sud Artois" value="200035442"/>
              </Option>
              <Option type="Map">
                <Option type="QString" name="CC du Sud Avesnois" value="200043404"/>
              </Option>
              <Option type="Map">
                <Option type="QString" name="CC du Ternois" value="200069672"/>
              </Option>
              <Option type="Map">
                <Option type="QString" name="CC Flandre Lys" value="245900758"/>
              </Option>
              <Option type="Map">
                <Option type="QString" name="CC Osartis Marquion" value="200044048"/>
              </Option>
              <Option type="Map">
                <Option type="QString" name="CC Pays d'Opale" value="200072478"/>
              </Option>
              <Option type="Map">
                <Option type="QString" name="CCPC – Pévèle-Carembault" value="CCPC"/>
              </Option>
              <Option type="Map">
                <Option type="QString" name="CU d'Arras" value="200033579"/>
              </Option>
              <Option type="Map">
                <Option type="QString" name="CU de Dunkerque" value="245900428"/>
              </Option>
              <Option type="Map">
                <Option type="QString" name="DA – Douaisis Agglo" value="DA"/>
              </Option>
              <Option type="Map">
                <Option type="QString" name="Métropole Européenne de Lille" value="200093201"/>
              </Option>
            </Option>
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
            <Option type="List" name="map">
              <Option type="Map">
                <Option type="QString" name="Maisons &amp; Cités (M&amp;C)" value="M&amp;C"/>
              </Option>
              <Option type="Map">
                <Option type="QString" name="SIA Habitat (SIA)" value="SIA"/>
              </Option>
              <Option type="Map">
                <Option type="QString" name="Pas-de-Calais Habitat (PDCH)" value="PDCH"/>
              </Option>
              <Option type="Map">
                <Option type="QString" name="Partenord Habitat (PARTENORD)" value="PARTENORD"/>
              </Option>
              <Option type="Map">
                <Option type="QString" name="Norevie (NOREVIE)" value="NOREVIE"/>
              </Option>
              <Option type="Map">
                <Option type="QString" name="Vilogia (VILOGIA)" value="VILOGIA"/>
              </Option>
              <Option type="Map">
                <Option type="QString" name="Clésence (CLESENCE)" value="CLESENCE"/>
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
            <Option type="List" name="map">
              <Option type="Map">
                <Option type="QString" name="Groupé" value="Groupé"/>
              </Option>
              <Option type="Map">
                <Option type="QString" name="Isolé" value="Isolé"/>
              </Option>
              <Option type="Map">
                <Option type="QString" name="Hors" value="Hors"/>
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
      <editWidget type="TextEdit">
        <config>
          <Option type="Map">
            <Option type="bool" name="IsMultiline" value="false"/>
            <Option type="bool" name="UseHtml" value="false"/>
          </Option>
        </config>
      </editWidget>
    </field>
    <field name="date_os" configurationFlags="None">
      <editWidget type="DateTime">
        <config>
          <Option type="Map">
            <Option type="bool" name="allow_null" value="true"/>
            <Option type="bool" name="calendar_popup" value="true"/>
            <Option type="QString" name="display_format" value="dd/MM/yyyy"/>
            <Option type="QString" name="field_format" value="yyyy-MM-dd"/>
          </Option>
        </config>
      </editWidget>
    </field>
    <field name="date_fin" configurationFlags="None">
      <editWidget type="DateTime">
        <config>
          <Option type="Map">
            <Option type="bool" name="allow_null" value="true"/>
            <Option type="bool" name="calendar_popup" value="true"/>
            <Option type="QString" name="display_format" value="dd/MM/yyyy"/>
            <Option type="QString" name="field_format" value="yyyy-MM-dd"/>
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
      <editWidget type="TextEdit">
        <config>
          <Option type="Map">
            <Option type="bool" name="IsMultiline" value="false"/>
            <Option type="bool" name="UseHtml" value="false"/>
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
            <Option type="bool" name="IsMultiline" value="true"/>
            <Option type="bool" name="UseHtml" value="false"/>
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
            <Option type="List" name="map">
              <Option type="Map">
                <Option type="QString" name="Parcelle cadastrale" value="parcelle"/>
              </Option>
              <Option type="Map">
                <Option type="QString" name="Local des Fichiers fonciers" value="local_ff"/>
              </Option>
              <Option type="Map">
                <Option type="QString" name="Point adresse" value="adresse"/>
              </Option>
              <Option type="Map">
                <Option type="QString" name="Placé à la main" value="manuel"/>
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
            <Option type="bool" name="allow_null" value="true"/>
            <Option type="bool" name="calendar_popup" value="false"/>
            <Option type="QString" name="display_format" value="dd/MM/yyyy HH:mm"/>
            <Option type="QString" name="field_format" value="yyyy-MM-ddTHH:mm:ss"/>
          </Option>
        </config>
      </editWidget>
    </field>
    <field name="statut" configurationFlags="None">
      <editWidget type="ValueMap">
        <config>
          <Option type="Map">
            <Option type="List" name="map">
              <Option type="Map">
                <Option type="QString" name="Présent au dernier envoi" value="present"/>
              </Option>
              <Option type="Map">
                <Option type="QString" name="Absent du dernier envoi" value="absent_dernier_envoi"/>
              </Option>
            </Option>
          </Option>
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
    <alias name="Identifiant OSP" field="id_osp" index="0"/>
    <alias name="Identifiant RPLS" field="ident_rep" index="1"/>
    <alias name="Identifiant bailleur" field="ident_int" index="2"/>
    <alias name="Identifiant fiscal (idlocal)" field="idlocal" index="3"/>
    <alias name="Parcelle (idpar)" field="idpar" index="4"/>
    <alias name="Code INSEE de la commune" field="idcom" index="5"/>
    <alias name="Département" field="dep" index="6"/>
    <alias name="EPCI" field="epci" index="7"/>
    <alias name="Intitulé de l'opération" field="intitule" index="8"/>
    <alias name="Bailleur" field="bailleur" index="9"/>
    <alias name="Type PALULOS" field="type_palu" index="10"/>
    <alias name="N° de décision" field="num_decision" index="11"/>
    <alias name="Année de financement" field="annee_financ" index="12"/>
    <alias name="Date de l'ordre de service" field="date_os" index="13"/>
    <alias name="Date de fin des travaux" field="date_fin" index="14"/>
    <alias name="Numéro de voie" field="dnvoiri" index="15"/>
    <alias name="Indice de répétition" field="dindic" index="16"/>
    <alias name="Libellé de la voie" field="dvoilib" index="17"/>
    <alias name="Commune" field="idcomtxt" index="18"/>
    <alias name="Cité (selon le bailleur)" field="cite_ini" index="19"/>
    <alias name="Cité" field="id_cite" index="20"/>
    <alias name="Nom de la cité" field="nom_cite_1" index="21"/>
    <alias name="Cités touchées (identifiants)" field="l_id_cite" index="22"/>
    <alias name="Information" field="info" index="23"/>
    <alias name="Identifiant RPLS reçu" field="num_rpls_ini" index="24"/>
    <alias name="Identifiant bailleur reçu" field="num_esti_ini" index="25"/>
    <alias name="Source de la géolocalisation" field="geoloc_source" index="26"/>
    <alias name="Motif de non-géolocalisation" field="geoloc_motif" index="27"/>
    <alias name="Date de mise à jour" field="date_maj" index="28"/>
    <alias name="Statut au dernier envoi" field="statut" index="29"/>
    <alias name="Position à l'import (technique)" field="geom_import" index="30"/>
  </aliases>
  <defaults>
    <default expression="" field="id_osp" applyOnUpdate="0"/>
    <default expression="" field="ident_rep" applyOnUpdate="0"/>
    <default expression="" field="ident_int" applyOnUpdate="0"/>
    <default expression="" field="idlocal" applyOnUpdate="0"/>
    <default expression="" field="idpar" applyOnUpdate="0"/>
    <default expression="" field="idcom" applyOnUpdate="0"/>
    <default expression="" field="dep" applyOnUpdate="0"/>
    <default expression="" field="epci" applyOnUpdate="0"/>
    <default expression="" field="intitule" applyOnUpdate="0"/>
    <default expression="" field="bailleur" applyOnUpdate="0"/>
    <default expression="" field="type_palu" applyOnUpdate="0"/>
    <default expression="" field="num_decision" applyOnUpdate="0"/>
    <default expression="" field="annee_financ" applyOnUpdate="0"/>
    <default expression="" field="date_os" applyOnUpdate="0"/>
    <default expression="" field="date_fin" applyOnUpdate="0"/>
    <default expression="" field="dnvoiri" applyOnUpdate="0"/>
    <default expression="" field="dindic" applyOnUpdate="0"/>
    <default expression="" field="dvoilib" applyOnUpdate="0"/>
    <default expression="" field="idcomtxt" applyOnUpdate="0"/>
    <default expression="" field="cite_ini" applyOnUpdate="0"/>
    <default expression="" field="id_cite" applyOnUpdate="0"/>
    <default expression="" field="nom_cite_1" applyOnUpdate="0"/>
    <default expression="" field="l_id_cite" applyOnUpdate="0"/>
    <default expression="" field="info" applyOnUpdate="0"/>
    <default expression="" field="num_rpls_ini" applyOnUpdate="0"/>
    <default expression="" field="num_esti_ini" applyOnUpdate="0"/>
    <default expression="CASE WHEN &quot;geom_import&quot; IS NOT NULL AND $geometry IS NOT NULL AND geom_to_wkt($geometry, 6) &lt;> &quot;geom_import&quot; THEN 'manuel' ELSE &quot;geoloc_source&quot; END" field="geoloc_source" applyOnUpdate="1"/>
    <default expression="" field="geoloc_motif" applyOnUpdate="0"/>
    <default expression="now()" field="date_maj" applyOnUpdate="1"/>
    <default expression="" field="statut" applyOnUpdate="0"/>
    <default expression="" field="geom_import" applyOnUpdate="0"/>
  </defaults>
  <constraints>
    <constraint unique_strength="0" exp_strength="0" field="id_osp" notnull_strength="0" constraints="0"/>
    <constraint unique_strength="0" exp_strength="1" field="ident_rep" notnull_strength="0" constraints="4"/>
    <constraint unique_strength="0" exp_strength="0" field="ident_int" notnull_strength="0" constraints="0"/>
    <constraint unique_strength="0" exp_strength="1" field="idlocal" notnull_strength="0" constraints="4"/>
    <constraint unique_strength="0" exp_strength="1" field="idpar" notnull_strength="0" constraints="4"/>
    <constraint unique_strength="0" exp_strength="0" field="idcom" notnull_strength="0" constraints="0"/>
    <constraint unique_strength="0" exp_strength="0" field="dep" notnull_strength="0" constraints="0"/>
    <constraint unique_strength="0" exp_strength="0" field="epci" notnull_strength="0" constraints="0"/>
    <constraint unique_strength="0" exp_strength="0" field="intitule" notnull_strength="0" constraints="0"/>
    <constraint unique_strength="0" exp_strength="0" field="bailleur" notnull_strength="0" constraints="0"/>
    <constraint unique_strength="0" exp_strength="1" field="type_palu" notnull_strength="0" constraints="4"/>
    <constraint unique_strength="0" exp_strength="0" field="num_decision" notnull_strength="0" constraints="0"/>
    <constraint unique_strength="0" exp_strength="1" field="annee_financ" notnull_strength="0" constraints="4"/>
    <constraint unique_strength="0" exp_strength="0" field="date_os" notnull_strength="0" constraints="0"/>
    <constraint unique_strength="0" exp_strength="1" field="date_fin" notnull_strength="0" constraints="4"/>
    <constraint unique_strength="0" exp_strength="0" field="dnvoiri" notnull_strength="0" constraints="0"/>
    <constraint unique_strength="0" exp_strength="0" field="dindic" notnull_strength="0" constraints="0"/>
    <constraint unique_strength="0" exp_strength="0" field="dvoilib" notnull_strength="0" constraints="0"/>
    <constraint unique_strength="0" exp_strength="0" field="idcomtxt" notnull_strength="0" constraints="0"/>
    <constraint unique_strength="0" exp_strength="0" field="cite_ini" notnull_strength="0" constraints="0"/>
    <constraint unique_strength="0" exp_strength="0" field="id_cite" notnull_strength="0" constraints="0"/>
    <constraint unique_strength="0" exp_strength="0" field="nom_cite_1" notnull_strength="0" constraints="0"/>
    <constraint unique_strength="0" exp_strength="0" field="l_id_cite" notnull_strength="0" constraints="0"/>
    <constraint unique_strength="0" exp_strength="0" field="info" notnull_strength="0" constraints="0"/>
    <constraint unique_strength="0" exp_strength="0" field="num_rpls_ini" notnull_strength="0" constraints="0"/>
    <constraint unique_strength="0" exp_strength="0" field="num_esti_ini" notnull_strength="0" constraints="0"/>
    <constraint unique_strength="0" exp_strength="0" field="geoloc_source" notnull_strength="0" constraints="0"/>
    <constraint unique_strength="0" exp_strength="0" field="geoloc_motif" notnull_strength="0" constraints="0"/>
    <constraint unique_strength="0" exp_strength="0" field="date_maj" notnull_strength="0" constraints="0"/>
    <constraint unique_strength="0" exp_strength="0" field="statut" notnull_strength="0" constraints="0"/>
    <constraint unique_strength="0" exp_strength="0" field="geom_import" notnull_strength="0" constraints="0"/>
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
  <attributetableconfig sortOrder="0" sortExpression="" actionWidgetStyle="dropDown">
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
    <attributeEditorContainer groupBox="0" visibilityExpressionEnabled="0" name="Identifiants" visibilityExpression="" showLabel="1" columnCount="1">
      <attributeEditorField name="ident_rep" showLabel="1" index="1"/>
      <attributeEditorField name="ident_int" showLabel="1" index="2"/>
      <attributeEditorField name="idlocal" showLabel="1" index="3"/>
      <attributeEditorField name="idpar" showLabel="1" index="4"/>
    </attributeEditorContainer>
    <attributeEditorContainer groupBox="0" visibilityExpressionEnabled="0" name="Programme" visibilityExpression="" showLabel="1" columnCount="1">
      <attributeEditorField name="bailleur" showLabel="1" index="9"/>
      <attributeEditorField name="intitule" showLabel="1" index="8"/>
      <attributeEditorField name="type_palu" showLabel="1" index="10"/>
      <attributeEditorField name="num_decision" showLabel="1" index="11"/>
      <attributeEditorField name="annee_financ" showLabel="1" index="12"/>
      <attributeEditorField name="date_os" showLabel="1" index="13"/>
      <attributeEditorField name="date_fin" showLabel="1" index="14"/>
    </attributeEditorContainer>
    <attributeEditorContainer groupBox="0" visibilityExpressionEnabled="0" name="Localisation" visibilityExpression="" showLabel="1" columnCount="1">
      <attributeEditorField name="dnvoiri" showLabel="1" index="15"/>
      <attributeEditorField name="dindic" showLabel="1" index="16"/>
      <attributeEditorField name="dvoilib" showLabel="1" index="17"/>
      <attributeEditorField name="idcom" showLabel="1" index="5"/>
      <attributeEditorField name="idcomtxt" showLabel="1" index="18"/>
      <attributeEditorField name="epci" showLabel="1" index="7"/>
      <attributeEditorField name="dep" showLabel="1" index="6"/>
      <attributeEditorField name="geoloc_source" showLabel="1" index="26"/>
      <attributeEditorField name="geoloc_motif" showLabel="1" index="27"/>
    </attributeEditorContainer>
    <attributeEditorContainer groupBox="0" visibilityExpressionEnabled="0" name="Cité" visibilityExpression="" showLabel="1" columnCount="1">
      <attributeEditorField name="cite_ini" showLabel="1" index="19"/>
      <attributeEditorField name="id_cite" showLabel="1" index="20"/>
      <attributeEditorField name="nom_cite_1" showLabel="1" index="21"/>
      <attributeEditorField name="l_id_cite" showLabel="1" index="22"/>
    </attributeEditorContainer>
    <attributeEditorContainer groupBox="0" visibilityExpressionEnabled="0" name="Suivi" visibilityExpression="" showLabel="1" columnCount="1">
      <attributeEditorField name="info" showLabel="1" index="23"/>
      <attributeEditorField name="date_maj" showLabel="1" index="28"/>
      <attributeEditorField name="statut" showLabel="1" index="29"/>
      <attributeEditorField name="id_osp" showLabel="1" index="0"/>
      <attributeEditorField name="num_rpls_ini" showLabel="1" index="24"/>
      <attributeEditorField name="num_esti_ini" showLabel="1" index="25"/>
    </attributeEditorContainer>
  </attributeEditorForm>
  <editable>
    <field editable="1" name="annee_financ"/>
    <field editable="1" name="bailleur"/>
    <field editable="1" name="cite_ini"/>
    <field editable="1" name="date_fin"/>
    <field editable="0" name="date_maj"/>
    <field editable="1" name="date_os"/>
    <field editable="0" name="dep"/>
    <field editable="1" name="dindic"/>
    <field editable="1" name="dnvoiri"/>
    <field editable="1" name="dvoilib"/>
    <field editable="0" name="epci"/>
    <field editable="0" name="geoloc_motif"/>
    <field editable="1" name="geoloc_source"/>
    <field editable="0" name="geom_import"/>
    <field editable="1" name="id_cite"/>
    <field editable="0" name="id_osp"/>
    <field editable="1" name="idcom"/>
    <field editable="0" name="idcomtxt"/>
    <field editable="1" name="ident_int"/>
    <field editable="1" name="ident_rep"/>
    <field editable="1" name="idlocal"/>
    <field editable="1" name="idpar"/>
    <field editable="1" name="info"/>
    <field editable="1" name="intitule"/>
    <field editable="0" name="l_id_cite"/>
    <field editable="0" name="nom_cite_1"/>
    <field editable="1" name="num_decision"/>
    <field editable="0" name="num_esti_ini"/>
    <field editable="0" name="num_rpls_ini"/>
    <field editable="0" name="statut"/>
    <field editable="1" name="type_palu"/>
  </editable>
  <labelOnTop>
    <field name="annee_financ" labelOnTop="1"/>
    <field name="bailleur" labelOnTop="1"/>
    <field name="cite_ini" labelOnTop="1"/>
    <field name="date_fin" labelOnTop="1"/>
    <field name="date_maj" labelOnTop="1"/>
    <field name="date_os" labelOnTop="1"/>
    <field name="dep" labelOnTop="1"/>
    <field name="dindic" labelOnTop="1"/>
    <field name="dnvoiri" labelOnTop="1"/>
    <field name="dvoilib" labelOnTop="1"/>
    <field name="epci" labelOnTop="1"/>
    <field name="geoloc_motif" labelOnTop="1"/>
    <field name="geoloc_source" labelOnTop="1"/>
    <field name="geom_import" labelOnTop="1"/>
    <field name="id_cite" labelOnTop="1"/>
    <field name="id_osp" labelOnTop="1"/>
    <field name="idcom" labelOnTop="1"/>
    <field name="idcomtxt" labelOnTop="1"/>
    <field name="ident_int" labelOnTop="1"/>
    <field name="ident_rep" labelOnTop="1"/>
    <field name="idlocal" labelOnTop="1"/>
    <field name="idpar" labelOnTop="1"/>
    <field name="info" labelOnTop="1"/>
    <field name="intitule" labelOnTop="1"/>
    <field name="l_id_cite" labelOnTop="1"/>
    <field name="nom_cite_1" labelOnTop="1"/>
    <field name="num_decision" labelOnTop="1"/>
    <field name="num_esti_ini" labelOnTop="1"/>
    <field name="num_rpls_ini" labelOnTop="1"/>
    <field name="statut" labelOnTop="1"/>
    <field name="type_palu" labelOnTop="1"/>
  </labelOnTop>
  <reuseLastValue/>
  <dataDefinedFieldProperties/>
  <widgets/>
  <previewExpression>coalesce("ident_rep", "ident_int") || ' – ' || coalesce("idcomtxt", "idcom", '')</previewExpression>
  <mapTip></mapTip>
  <layerGeometryType>0</layerGeometryType>
</qgis>
