<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis simplifyAlgorithm="0" simplifyDrawingTol="1" simplifyLocal="1" labelsEnabled="1" maxScale="0" minScale="100000000" simplifyMaxScale="1" styleCategories="AllStyleCategories" symbologyReferenceScale="-1" hasScaleBasedVisibilityFlag="0" simplifyDrawingHints="1" readOnly="0" version="3.22.16-Białowieża">
  <flags>
    <Identifiable>1</Identifiable>
    <Removable>1</Removable>
    <Searchable>1</Searchable>
    <Private>0</Private>
  </flags>
  <temporal accumulate="0" endExpression="" endField="" durationUnit="min" fixedDuration="0" mode="0" startExpression="" limitMode="0" startField="" enabled="0" durationField="">
    <fixedRange>
      <start></start>
      <end></end>
    </fixedRange>
  </temporal>
  <renderer-v2 referencescale="-1" attr="bailleur" symbollevels="0" enableorderby="0" forceraster="0" type="categorizedSymbol">
    <categories>
      <category symbol="0" render="true" value="M&amp;C" label="Maisons &amp; Cités"/>
      <category symbol="1" render="true" value="SIA" label="SIA Habitat"/>
      <category symbol="2" render="true" value="PDCH" label="Pas-de-Calais Habitat"/>
      <category symbol="3" render="true" value="PARTENORD" label="Partenord Habitat"/>
      <category symbol="4" render="true" value="NOREVIE" label="Norevie"/>
      <category symbol="5" render="true" value="VILOGIA" label="Vilogia"/>
      <category symbol="6" render="true" value="CLESENCE" label="Clésence"/>
      <category symbol="7" render="true" value="" label="Autre / non renseigné"/>
    </categories>
    <symbols>
      <symbol alpha="1" clip_to_extent="1" force_rhr="0" type="marker" name="0">
        <data_defined_properties>
          <Option type="Map">
            <Option value="" type="QString" name="name"/>
            <Option name="properties"/>
            <Option value="collection" type="QString" name="type"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
          <Option type="Map">
            <Option value="0" type="QString" name="angle"/>
            <Option value="square" type="QString" name="cap_style"/>
            <Option value="192,57,43,255" type="QString" name="color"/>
            <Option value="1" type="QString" name="horizontal_anchor_point"/>
            <Option value="bevel" type="QString" name="joinstyle"/>
            <Option value="circle" type="QString" name="name"/>
            <Option value="0,0" type="QString" name="offset"/>
            <Option value="3x:0,0,0,0,0,0" type="QString" name="offset_map_unit_scale"/>
            <Option value="MM" type="QString" name="offset_unit"/>
            <Option value="255,255,255,255" type="QString" name="outline_color"/>
            <Option value="solid" type="QString" name="outline_style"/>
            <Option value="0.3" type="QString" name="outline_width"/>
            <Option value="3x:0,0,0,0,0,0" type="QString" name="outline_width_map_unit_scale"/>
            <Option value="MM" type="QString" name="outline_width_unit"/>
            <Option value="diameter" type="QString" name="scale_method"/>
            <Option value="2.4" type="QString" name="size"/>
            <Option value="3x:0,0,0,0,0,0" type="QString" name="size_map_unit_scale"/>
            <Option value="MM" type="QString" name="size_unit"/>
            <Option value="1" type="QString" name="vertical_anchor_point"/>
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
              <Option value="" type="QString" name="name"/>
              <Option name="properties"/>
              <Option value="collection" type="QString" name="type"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol alpha="1" clip_to_extent="1" force_rhr="0" type="marker" name="1">
        <data_defined_properties>
          <Option type="Map">
            <Option value="" type="QString" name="name"/>
            <Option name="properties"/>
            <Option value="collection" type="QString" name="type"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
          <Option type="Map">
            <Option value="0" type="QString" name="angle"/>
            <Option value="square" type="QString" name="cap_style"/>
            <Option value="36,113,163,255" type="QString" name="color"/>
            <Option value="1" type="QString" name="horizontal_anchor_point"/>
            <Option value="bevel" type="QString" name="joinstyle"/>
            <Option value="circle" type="QString" name="name"/>
            <Option value="0,0" type="QString" name="offset"/>
            <Option value="3x:0,0,0,0,0,0" type="QString" name="offset_map_unit_scale"/>
            <Option value="MM" type="QString" name="offset_unit"/>
            <Option value="255,255,255,255" type="QString" name="outline_color"/>
            <Option value="solid" type="QString" name="outline_style"/>
            <Option value="0.3" type="QString" name="outline_width"/>
            <Option value="3x:0,0,0,0,0,0" type="QString" name="outline_width_map_unit_scale"/>
            <Option value="MM" type="QString" name="outline_width_unit"/>
            <Option value="diameter" type="QString" name="scale_method"/>
            <Option value="2.4" type="QString" name="size"/>
            <Option value="3x:0,0,0,0,0,0" type="QString" name="size_map_unit_scale"/>
            <Option value="MM" type="QString" name="size_unit"/>
            <Option value="1" type="QString" name="vertical_anchor_point"/>
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
              <Option value="" type="QString" name="name"/>
              <Option name="properties"/>
              <Option value="collection" type="QString" name="type"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol alpha="1" clip_to_extent="1" force_rhr="0" type="marker" name="2">
        <data_defined_properties>
          <Option type="Map">
            <Option value="" type="QString" name="name"/>
            <Option name="properties"/>
            <Option value="collection" type="QString" name="type"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
          <Option type="Map">
            <Option value="0" type="QString" name="angle"/>
            <Option value="square" type="QString" name="cap_style"/>
            <Option value="39,174,96,255" type="QString" name="color"/>
            <Option value="1" type="QString" name="horizontal_anchor_point"/>
            <Option value="bevel" type="QString" name="joinstyle"/>
            <Option value="circle" type="QString" name="name"/>
            <Option value="0,0" type="QString" name="offset"/>
            <Option value="3x:0,0,0,0,0,0" type="QString" name="offset_map_unit_scale"/>
            <Option value="MM" type="QString" name="offset_unit"/>
            <Option value="255,255,255,255" type="QString" name="outline_color"/>
            <Option value="solid" type="QString" name="outline_style"/>
            <Option value="0.3" type="QString" name="outline_width"/>
            <Option value="3x:0,0,0,0,0,0" type="QString" name="outline_width_map_unit_scale"/>
            <Option value="MM" type="QString" name="outline_width_unit"/>
            <Option value="diameter" type="QString" name="scale_method"/>
            <Option value="2.4" type="QString" name="size"/>
            <Option value="3x:0,0,0,0,0,0" type="QString" name="size_map_unit_scale"/>
            <Option value="MM" type="QString" name="size_unit"/>
            <Option value="1" type="QString" name="vertical_anchor_point"/>
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
              <Option value="" type="QString" name="name"/>
              <Option name="properties"/>
              <Option value="collection" type="QString" name="type"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol alpha="1" clip_to_extent="1" force_rhr="0" type="marker" name="3">
        <data_defined_properties>
          <Option type="Map">
            <Option value="" type="QString" name="name"/>
            <Option name="properties"/>
            <Option value="collection" type="QString" name="type"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
          <Option type="Map">
            <Option value="0" type="QString" name="angle"/>
            <Option value="square" type="QString" name="cap_style"/>
            <Option value="142,68,173,255" type="QString" name="color"/>
            <Option value="1" type="QString" name="horizontal_anchor_point"/>
            <Option value="bevel" type="QString" name="joinstyle"/>
            <Option value="circle" type="QString" name="name"/>
            <Option value="0,0" type="QString" name="offset"/>
            <Option value="3x:0,0,0,0,0,0" type="QString" name="offset_map_unit_scale"/>
            <Option value="MM" type="QString" name="offset_unit"/>
            <Option value="255,255,255,255" type="QString" name="outline_color"/>
            <Option value="solid" type="QString" name="outline_style"/>
            <Option value="0.3" type="QString" name="outline_width"/>
            <Option value="3x:0,0,0,0,0,0" type="QString" name="outline_width_map_unit_scale"/>
            <Option value="MM" type="QString" name="outline_width_unit"/>
            <Option value="diameter" type="QString" name="scale_method"/>
            <Option value="2.4" type="QString" name="size"/>
            <Option value="3x:0,0,0,0,0,0" type="QString" name="size_map_unit_scale"/>
            <Option value="MM" type="QString" name="size_unit"/>
            <Option value="1" type="QString" name="vertical_anchor_point"/>
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
              <Option value="" type="QString" name="name"/>
              <Option name="properties"/>
              <Option value="collection" type="QString" name="type"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol alpha="1" clip_to_extent="1" force_rhr="0" type="marker" name="4">
        <data_defined_properties>
          <Option type="Map">
            <Option value="" type="QString" name="name"/>
            <Option name="properties"/>
            <Option value="collection" type="QString" name="type"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
          <Option type="Map">
            <Option value="0" type="QString" name="angle"/>
            <Option value="square" type="QString" name="cap_style"/>
            <Option value="214,137,16,255" type="QString" name="color"/>
            <Option value="1" type="QString" name="horizontal_anchor_point"/>
            <Option value="bevel" type="QString" name="joinstyle"/>
            <Option value="circle" type="QString" name="name"/>
            <Option value="0,0" type="QString" name="offset"/>
            <Option value="3x:0,0,0,0,0,0" type="QString" name="offset_map_unit_scale"/>
            <Option value="MM" type="QString" name="offset_unit"/>
            <Option value="255,255,255,255" type="QString" name="outline_color"/>
            <Option value="solid" type="QString" name="outline_style"/>
            <Option value="0.3" type="QString" name="outline_width"/>
            <Option value="3x:0,0,0,0,0,0" type="QString" name="outline_width_map_unit_scale"/>
            <Option value="MM" type="QString" name="outline_width_unit"/>
            <Option value="diameter" type="QString" name="scale_method"/>
            <Option value="2.4" type="QString" name="size"/>
            <Option value="3x:0,0,0,0,0,0" type="QString" name="size_map_unit_scale"/>
            <Option value="MM" type="QString" name="size_unit"/>
            <Option value="1" type="QString" name="vertical_anchor_point"/>
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
              <Option value="" type="QString" name="name"/>
              <Option name="properties"/>
              <Option value="collection" type="QString" name="type"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol alpha="1" clip_to_extent="1" force_rhr="0" type="marker" name="5">
        <data_defined_properties>
          <Option type="Map">
            <Option value="" type="QString" name="name"/>
            <Option name="properties"/>
            <Option value="collection" type="QString" name="type"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
          <Option type="Map">
            <Option value="0" type="QString" name="angle"/>
            <Option value="square" type="QString" name="cap_style"/>
            <Option value="23,165,137,255" type="QString" name="color"/>
            <Option value="1" type="QString" name="horizontal_anchor_point"/>
            <Option value="bevel" type="QString" name="joinstyle"/>
            <Option value="circle" type="QString" name="name"/>
            <Option value="0,0" type="QString" name="offset"/>
            <Option value="3x:0,0,0,0,0,0" type="QString" name="offset_map_unit_scale"/>
            <Option value="MM" type="QString" name="offset_unit"/>
            <Option value="255,255,255,255" type="QString" name="outline_color"/>
            <Option value="solid" type="QString" name="outline_style"/>
            <Option value="0.3" type="QString" name="outline_width"/>
            <Option value="3x:0,0,0,0,0,0" type="QString" name="outline_width_map_unit_scale"/>
            <Option value="MM" type="QString" name="outline_width_unit"/>
            <Option value="diameter" type="QString" name="scale_method"/>
            <Option value="2.4" type="QString" name="size"/>
            <Option value="3x:0,0,0,0,0,0" type="QString" name="size_map_unit_scale"/>
            <Option value="MM" type="QString" name="size_unit"/>
            <Option value="1" type="QString" name="vertical_anchor_point"/>
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
              <Option value="" type="QString" name="name"/>
              <Option name="properties"/>
              <Option value="collection" type="QString" name="type"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol alpha="1" clip_to_extent="1" force_rhr="0" type="marker" name="6">
        <data_defined_properties>
          <Option type="Map">
            <Option value="" type="QString" name="name"/>
            <Option name="properties"/>
            <Option value="collection" type="QString" name="type"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
          <Option type="Map">
            <Option value="0" type="QString" name="angle"/>
            <Option value="square" type="QString" name="cap_style"/>
            <Option value="127,140,141,255" type="QString" name="color"/>
            <Option value="1" type="QString" name="horizontal_anchor_point"/>
            <Option value="bevel" type="QString" name="joinstyle"/>
            <Option value="circle" type="QString" name="name"/>
            <Option value="0,0" type="QString" name="offset"/>
            <Option value="3x:0,0,0,0,0,0" type="QString" name="offset_map_unit_scale"/>
            <Option value="MM" type="QString" name="offset_unit"/>
            <Option value="255,255,255,255" type="QString" name="outline_color"/>
            <Option value="solid" type="QString" name="outline_style"/>
            <Option value="0.3" type="QString" name="outline_width"/>
            <Option value="3x:0,0,0,0,0,0" type="QString" name="outline_width_map_unit_scale"/>
            <Option value="MM" type="QString" name="outline_width_unit"/>
            <Option value="diameter" type="QString" name="scale_method"/>
            <Option value="2.4" type="QString" name="size"/>
            <Option value="3x:0,0,0,0,0,0" type="QString" name="size_map_unit_scale"/>
            <Option value="MM" type="QString" name="size_unit"/>
            <Option value="1" type="QString" name="vertical_anchor_point"/>
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
              <Option value="" type="QString" name="name"/>
              <Option name="properties"/>
              <Option value="collection" type="QString" name="type"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol alpha="1" clip_to_extent="1" force_rhr="0" type="marker" name="7">
        <data_defined_properties>
          <Option type="Map">
            <Option value="" type="QString" name="name"/>
            <Option name="properties"/>
            <Option value="collection" type="QString" name="type"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
          <Option type="Map">
            <Option value="0" type="QString" name="angle"/>
            <Option value="square" type="QString" name="cap_style"/>
            <Option value="158,158,158,255" type="QString" name="color"/>
            <Option value="1" type="QString" name="horizontal_anchor_point"/>
            <Option value="bevel" type="QString" name="joinstyle"/>
            <Option value="circle" type="QString" name="name"/>
            <Option value="0,0" type="QString" name="offset"/>
            <Option value="3x:0,0,0,0,0,0" type="QString" name="offset_map_unit_scale"/>
            <Option value="MM" type="QString" name="offset_unit"/>
            <Option value="255,255,255,255" type="QString" name="outline_color"/>
            <Option value="solid" type="QString" name="outline_style"/>
            <Option value="0.3" type="QString" name="outline_width"/>
            <Option value="3x:0,0,0,0,0,0" type="QString" name="outline_width_map_unit_scale"/>
            <Option value="MM" type="QString" name="outline_width_unit"/>
            <Option value="diameter" type="QString" name="scale_method"/>
            <Option value="2.4" type="QString" name="size"/>
            <Option value="3x:0,0,0,0,0,0" type="QString" name="size_map_unit_scale"/>
            <Option value="MM" type="QString" name="size_unit"/>
            <Option value="1" type="QString" name="vertical_anchor_point"/>
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
              <Option value="" type="QString" name="name"/>
              <Option name="properties"/>
              <Option value="collection" type="QString" name="type"/>
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
      <text-style fontLetterSpacing="0" fontFamily="DejaVu LGC Sans" fontWordSpacing="0" previewBkgrdColor="255,255,255,255" namedStyle="" fieldName="ident_rep" fontWeight="50" fontKerning="1" textOrientation="horizontal" allowHtml="0" multilineHeight="1" textOpacity="1" isExpression="0" fontItalic="0" capitalization="0" fontSize="8" fontUnderline="0" legendString="Aa" useSubstitutions="0" fontStrikeout="0" fontSizeUnit="Point" textColor="0,0,0,255" fontSizeMapUnitScale="3x:0,0,0,0,0,0" blendMode="0">
        <families/>
        <text-buffer bufferColor="255,255,255,255" bufferSize="0.59999999999999998" bufferSizeUnits="MM" bufferNoFill="1" bufferSizeMapUnitScale="3x:0,0,0,0,0,0" bufferDraw="1" bufferOpacity="1" bufferBlendMode="0" bufferJoinStyle="128"/>
        <text-mask maskSizeMapUnitScale="3x:0,0,0,0,0,0" maskType="0" maskSizeUnits="MM" maskJoinStyle="128" maskEnabled="0" maskOpacity="1" maskedSymbolLayers="" maskSize="1.5"/>
        <background shapeRotation="0" shapeBlendMode="0" shapeOffsetUnit="MM" shapeBorderWidthUnit="MM" shapeSizeMapUnitScale="3x:0,0,0,0,0,0" shapeBorderColor="128,128,128,255" shapeRadiiUnit="MM" shapeRadiiMapUnitScale="3x:0,0,0,0,0,0" shapeOffsetMapUnitScale="3x:0,0,0,0,0,0" shapeRadiiX="0" shapeBorderWidthMapUnitScale="3x:0,0,0,0,0,0" shapeDraw="0" shapeOpacity="1" shapeSizeUnit="MM" shapeOffsetX="0" shapeSizeY="0" shapeOffsetY="0" shapeRotationType="0" shapeSizeX="0" shapeType="0" shapeSizeType="0" shapeBorderWidth="0" shapeFillColor="255,255,255,255" shapeJoinStyle="64" shapeSVGFile="" shapeRadiiY="0">
          <symbol alpha="1" clip_to_extent="1" force_rhr="0" type="fill" name="fillSymbol">
            <data_defined_properties>
              <Option type="Map">
                <Option value="" type="QString" name="name"/>
                <Option name="properties"/>
                <Option value="collection" type="QString" name="type"/>
              </Option>
            </data_defined_properties>
            <layer class="SimpleFill" enabled="1" pass="0" locked="0">
              <Option type="Map">
                <Option value="3x:0,0,0,0,0,0" type="QString" name="border_width_map_unit_scale"/>
                <Option value="255,255,255,255" type="QString" name="color"/>
                <Option value="bevel" type="QString" name="joinstyle"/>
                <Option value="0,0" type="QString" name="offset"/>
                <Option value="3x:0,0,0,0,0,0" type="QString" name="offset_map_unit_scale"/>
                <Option value="MM" type="QString" name="offset_unit"/>
                <Option value="128,128,128,255" type="QString" name="outline_color"/>
                <Option value="no" type="QString" name="outline_style"/>
                <Option value="0" type="QString" name="outline_width"/>
                <Option value="MM" type="QString" name="outline_width_unit"/>
                <Option value="solid" type="QString" name="style"/>
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
                  <Option value="" type="QString" name="name"/>
                  <Option name="properties"/>
                  <Option value="collection" type="QString" name="type"/>
                </Option>
              </data_defined_properties>
            </layer>
          </symbol>
        </background>
        <shadow shadowOffsetDist="1" shadowScale="100" shadowUnder="0" shadowOffsetAngle="135" shadowOffsetGlobal="1" shadowRadiusMapUnitScale="3x:0,0,0,0,0,0" shadowOffsetMapUnitScale="3x:0,0,0,0,0,0" shadowColor="0,0,0,255" shadowDraw="0" shadowRadius="1.5" shadowBlendMode="6" shadowOffsetUnit="MM" shadowRadiusUnit="MM" shadowRadiusAlphaOnly="0" shadowOpacity="0.69999999999999996"/>
        <dd_properties>
          <Option type="Map">
            <Option value="" type="QString" name="name"/>
            <Option name="properties"/>
            <Option value="collection" type="QString" name="type"/>
          </Option>
        </dd_properties>
        <substitutions/>
      </text-style>
      <text-format leftDirectionSymbol="&lt;" wrapChar="" reverseDirectionSymbol="0" decimals="3" multilineAlign="3" placeDirectionSymbol="0" plussign="0" formatNumbers="0" autoWrapLength="0" addDirectionSymbol="0" useMaxLineLengthForAutoWrap="1" rightDirectionSymbol=">"/>
      <placement xOffset="0" centroidInside="0" geometryGeneratorEnabled="0" polygonPlacementFlags="2" maxCurvedCharAngleOut="-25" dist="1.2" repeatDistanceMapUnitScale="3x:0,0,0,0,0,0" labelOffsetMapUnitScale="3x:0,0,0,0,0,0" offsetUnits="MM" priority="5" offsetType="1" preserveRotation="1" distMapUnitScale="3x:0,0,0,0,0,0" overrunDistance="0" geometryGenerator="" quadOffset="4" placement="6" distUnits="MM" maxCurvedCharAngleIn="25" lineAnchorType="0" geometryGeneratorType="PointGeometry" rotationAngle="0" layerType="UnknownGeometry" predefinedPositionOrder="TR,TL,BR,BL,R,L,TSR,BSR" fitInPolygonOnly="0" repeatDistanceUnits="MM" overrunDistanceMapUnitScale="3x:0,0,0,0,0,0" yOffset="0" lineAnchorClipping="0" overrunDistanceUnit="MM" centroidWhole="0" repeatDistance="0" placementFlags="10" rotationUnit="AngleDegrees" lineAnchorPercent="0.5"/>
      <rendering labelPerPart="0" fontMaxPixelSize="10000" scaleMin="1" mergeLines="0" displayAll="0" scaleVisibility="1" fontMinPixelSize="0" drawLabels="1" maxNumLabels="2000" upsidedownLabels="0" obstacleFactor="1" scaleMax="2500" limitNumLabels="0" obstacle="1" minFeatureSize="0" unplacedVisibility="0" fontLimitPixelSize="0" obstacleType="1" zIndex="0"/>
      <dd_properties>
        <Option type="Map">
          <Option value="" type="QString" name="name"/>
          <Option name="properties"/>
          <Option value="collection" type="QString" name="type"/>
        </Option>
      </dd_properties>
      <callout type="simple">
        <Option type="Map">
          <Option value="pole_of_inaccessibility" type="QString" name="anchorPoint"/>
          <Option value="0" type="int" name="blendMode"/>
          <Option type="Map" name="ddProperties">
            <Option value="" type="QString" name="name"/>
            <Option name="properties"/>
            <Option value="collection" type="QString" name="type"/>
          </Option>
          <Option value="false" type="bool" name="drawToAllParts"/>
          <Option value="0" type="QString" name="enabled"/>
          <Option value="point_on_exterior" type="QString" name="labelAnchorPoint"/>
          <Option value="&lt;symbol alpha=&quot;1&quot; clip_to_extent=&quot;1&quot; force_rhr=&quot;0&quot; type=&quot;line&quot; name=&quot;symbol&quot;>&lt;data_defined_properties>&lt;Option type=&quot;Map&quot;>&lt;Option value=&quot;&quot; type=&quot;QString&quot; name=&quot;name&quot;/>&lt;Option name=&quot;properties&quot;/>&lt;Option value=&quot;collection&quot; type=&quot;QString&quot; name=&quot;type&quot;/>&lt;/Option>&lt;/data_defined_properties>&lt;layer class=&quot;SimpleLine&quot; enabled=&quot;1&quot; pass=&quot;0&quot; locked=&quot;0&quot;>&lt;Option type=&quot;Map&quot;>&lt;Option value=&quot;0&quot; type=&quot;QString&quot; name=&quot;align_dash_pattern&quot;/>&lt;Option value=&quot;square&quot; type=&quot;QString&quot; name=&quot;capstyle&quot;/>&lt;Option value=&quot;5;2&quot; type=&quot;QString&quot; name=&quot;customdash&quot;/>&lt;Option value=&quot;3x:0,0,0,0,0,0&quot; type=&quot;QString&quot; name=&quot;customdash_map_unit_scale&quot;/>&lt;Option value=&quot;MM&quot; type=&quot;QString&quot; name=&quot;customdash_unit&quot;/>&lt;Option value=&quot;0&quot; type=&quot;QString&quot; name=&quot;dash_pattern_offset&quot;/>&lt;Option value=&quot;3x:0,0,0,0,0,0&quot; type=&quot;QString&quot; name=&quot;dash_pattern_offset_map_unit_scale&quot;/>&lt;Option value=&quot;MM&quot; type=&quot;QString&quot; name=&quot;dash_pattern_offset_unit&quot;/>&lt;Option value=&quot;0&quot; type=&quot;QString&quot; name=&quot;draw_inside_polygon&quot;/>&lt;Option value=&quot;bevel&quot; type=&quot;QString&quot; name=&quot;joinstyle&quot;/>&lt;Option value=&quot;60,60,60,255&quot; type=&quot;QString&quot; name=&quot;line_color&quot;/>&lt;Option value=&quot;solid&quot; type=&quot;QString&quot; name=&quot;line_style&quot;/>&lt;Option value=&quot;0.3&quot; type=&quot;QString&quot; name=&quot;line_width&quot;/>&lt;Option value=&quot;MM&quot; type=&quot;QString&quot; name=&quot;line_width_unit&quot;/>&lt;Option value=&quot;0&quot; type=&quot;QString&quot; name=&quot;offset&quot;/>&lt;Option value=&quot;3x:0,0,0,0,0,0&quot; type=&quot;QString&quot; name=&quot;offset_map_unit_scale&quot;/>&lt;Option value=&quot;MM&quot; type=&quot;QString&quot; name=&quot;offset_unit&quot;/>&lt;Option value=&quot;0&quot; type=&quot;QString&quot; name=&quot;ring_filter&quot;/>&lt;Option value=&quot;0&quot; type=&quot;QString&quot; name=&quot;trim_distance_end&quot;/>&lt;Option value=&quot;3x:0,0,0,0,0,0&quot; type=&quot;QString&quot; name=&quot;trim_distance_end_map_unit_scale&quot;/>&lt;Option value=&quot;MM&quot; type=&quot;QString&quot; name=&quot;trim_distance_end_unit&quot;/>&lt;Option value=&quot;0&quot; type=&quot;QString&quot; name=&quot;trim_distance_start&quot;/>&lt;Option value=&quot;3x:0,0,0,0,0,0&quot; type=&quot;QString&quot; name=&quot;trim_distance_start_map_unit_scale&quot;/>&lt;Option value=&quot;MM&quot; type=&quot;QString&quot; name=&quot;trim_distance_start_unit&quot;/>&lt;Option value=&quot;0&quot; type=&quot;QString&quot; name=&quot;tweak_dash_pattern_on_corners&quot;/>&lt;Option value=&quot;0&quot; type=&quot;QString&quot; name=&quot;use_custom_dash&quot;/>&lt;Option value=&quot;3x:0,0,0,0,0,0&quot; type=&quot;QString&quot; name=&quot;width_map_unit_scale&quot;/>&lt;/Option>&lt;prop k=&quot;align_dash_pattern&quot; v=&quot;0&quot;/>&lt;prop k=&quot;capstyle&quot; v=&quot;square&quot;/>&lt;prop k=&quot;customdash&quot; v=&quot;5;2&quot;/>&lt;prop k=&quot;customdash_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;customdash_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;dash_pattern_offset&quot; v=&quot;0&quot;/>&lt;prop k=&quot;dash_pattern_offset_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;dash_pattern_offset_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;draw_inside_polygon&quot; v=&quot;0&quot;/>&lt;prop k=&quot;joinstyle&quot; v=&quot;bevel&quot;/>&lt;prop k=&quot;line_color&quot; v=&quot;60,60,60,255&quot;/>&lt;prop k=&quot;line_style&quot; v=&quot;solid&quot;/>&lt;prop k=&quot;line_width&quot; v=&quot;0.3&quot;/>&lt;prop k=&quot;line_width_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;offset&quot; v=&quot;0&quot;/>&lt;prop k=&quot;offset_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;offset_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;ring_filter&quot; v=&quot;0&quot;/>&lt;prop k=&quot;trim_distance_end&quot; v=&quot;0&quot;/>&lt;prop k=&quot;trim_distance_end_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;trim_distance_end_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;trim_distance_start&quot; v=&quot;0&quot;/>&lt;prop k=&quot;trim_distance_start_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;trim_distance_start_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;tweak_dash_pattern_on_corners&quot; v=&quot;0&quot;/>&lt;prop k=&quot;use_custom_dash&quot; v=&quot;0&quot;/>&lt;prop k=&quot;width_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;data_defined_properties>&lt;Option type=&quot;Map&quot;>&lt;Option value=&quot;&quot; type=&quot;QString&quot; name=&quot;name&quot;/>&lt;Option name=&quot;properties&quot;/>&lt;Option value=&quot;collection&quot; type=&quot;QString&quot; name=&quot;type&quot;/>&lt;/Option>&lt;/data_defined_properties>&lt;/layer>&lt;/symbol>" type="QString" name="lineSymbol"/>
          <Option value="0" type="double" name="minLength"/>
          <Option value="3x:0,0,0,0,0,0" type="QString" name="minLengthMapUnitScale"/>
          <Option value="MM" type="QString" name="minLengthUnit"/>
          <Option value="0" type="double" name="offsetFromAnchor"/>
          <Option value="3x:0,0,0,0,0,0" type="QString" name="offsetFromAnchorMapUnitScale"/>
          <Option value="MM" type="QString" name="offsetFromAnchorUnit"/>
          <Option value="0" type="double" name="offsetFromLabel"/>
          <Option value="3x:0,0,0,0,0,0" type="QString" name="offsetFromLabelMapUnitScale"/>
          <Option value="MM" type="QString" name="offsetFromLabelUnit"/>
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
    <field configurationFlags="None" name="id_osp">
      <editWidget type="TextEdit">
        <config>
          <Option type="Map">
            <Option value="false" type="bool" name="IsMultiline"/>
            <Option value="false" type="bool" name="UseHtml"/>
          </Option>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="ident_rep">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="ident_int">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="idlocal">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="idpar">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="idcom">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="dep">
      <editWidget type="ValueMap">
        <config>
          <Option type="Map">
            <Option type="List" name="map">
              <Option type="Map">
                <Option value="59" type="QString" name="59 – Nord"/>
              </Option>
              <Option type="Map">
                <Option value="62" type="QString" name="62 – Pas-de-Calais"/>
              </Option>
            </Option>
          </Option>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="epci">
      <editWidget type="ValueMap">
        <config>
          <Option type="Map">
            <Option type="List" name="map">
              <Option type="Map">
                <Option value="200018083" type="QString" name="CC de Desvres-Samer"/>
              </Option>
              <Option type="Map">
                <Option value="200030633" type="QString" name="CA du Caudrésis et du Catésis"/>
              </Option>
              <Option type="Map">
                <Option value="200033579" type="QString" name="CU d'Arras"/>
              </Option>
              <Option type="Map">
                <Option value="200035442" type="QString" name="CC du Sud Artois"/>
              </Option>
              <Option type="Map">
                <Option value="200040947" type="QString" name="CA Coeur de Flandre"/>
              </Option>
              <Option type="Map">
                <Option value="200040954" type="QString" name="CC des Hauts de Flandre"/>
              </Option>
              <Option type="Map">
                <Option value="200043263" type="QString" name="CC Coeur de l'Avesnois"/>
              </Option>
              <Option type="Map">
                <Option value="200043321" type="QString" name="CC du Pays de Mormal"/>
              </Option>
              <Option type="Map">
                <Option value="200043396" type="QString" name="CA Maubeuge Val de Sambre"/>
              </Option>
              <Option type="Map">
                <Option value="200043404" type="QString" name="CC du Sud Avesnois"/>
              </Option>
              <Option type="Map">
                <Option value="200044030" type="QString" name="CC des 7 Vallées"/>
              </Option>
              <Option type="Map">
                <Option value="200044048" type="QString" name="CC Osartis Marquion"/>
              </Option>
              <Option type="Map">
                <Option value="200068500" type="QString" name="CA de Cambrai"/>
              </Option>
              <Option type="Map">
                <Option value="200069029" type="QString" name="CA des Deux Baies en Montreuill…"/>
              </Option>
              <Option type="Map">
                <Option value="200069037" type="QString" name="CA du Pays de Saint-Omer"/>
              </Option>
              <Option type="Map">
                <Option value="200069235" type="QString" name="CC du Haut Pays du Montreuillois"/>
              </Option>
              <Option type="Map">
                <Option value="200069482" type="QString" name="CC des Campagnes de l'Artois"/>
              </Option>
              <Option type="Map">
                <Option value="200069672" type="QString" name="CC du Ternois"/>
              </Option>
              <Option type="Map">
                <Option value="200072478" type="QString" name="CC Pays d'Opale"/>
              </Option>
              <Option type="Map">
                <Option value="200090751" type="QString" name="CA Grand Calais Terres et Mers"/>
              </Option>
              <Option type="Map">
                <Option value="200093201" type="QString" name="Métropole Européenne de Lille"/>
              </Option>
              <Option type="Map">
                <Option value="245900428" type="QString" name="CU de Dunkerque"/>
              </Option>
              <Option type="Map">
                <Option value="245900758" type="QString" name="CC Flandre Lys"/>
              </Option>
              <Option type="Map">
                <Option value="245901038" type="QString" name="CC du Pays Solesmois"/>
              </Option>
              <Option type="Map">
                <Option value="246200380" type="QString" name="CC de la Terre des Deux Caps"/>
              </Option>
              <Option type="Map">
                <Option value="246200729" type="QString" name="CA du Boulonnais"/>
              </Option>
              <Option type="Map">
                <Option value="246200844" type="QString" name="CC de la Région d'Audruicq"/>
              </Option>
              <Option type="Map">
                <Option value="246201016" type="QString" name="CC du Pays de Lumbres"/>
              </Option>
              <Option type="Map">
                <Option value="CABBALR" type="QString" name="CABBALR"/>
              </Option>
              <Option type="Map">
                <Option value="CAHC" type="QString" name="CAHC"/>
              </Option>
              <Option type="Map">
                <Option value="CALL" type="QString" name="CALL"/>
              </Option>
              <Option type="Map">
                <Option value="CAPH" type="QString" name="CAPH"/>
              </Option>
              <Option type="Map">
                <Option value="CAVM" type="QString" name="CAVM"/>
              </Option>
              <Option type="Map">
                <Option value="CCCO" type="QString" name="CCCO"/>
              </Option>
              <Option type="Map">
                <Option value="CCPC" type="QString" name="CCPC"/>
              </Option>
              <Option type="Map">
                <Option value="DA" type="QString" name="DA"/>
              </Option>
            </Option>
          </Option>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="intitule">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="bailleur">
      <editWidget type="ValueMap">
        <config>
          <Option type="Map">
            <Option type="List" name="map">
              <Option type="Map">
                <Option value="M&amp;C" type="QString" name="Maisons &amp; Cités (M&amp;C)"/>
              </Option>
              <Option type="Map">
                <Option value="SIA" type="QString" name="SIA Habitat (SIA)"/>
              </Option>
              <Option type="Map">
                <Option value="PDCH" type="QString" name="Pas-de-Calais Habitat (PDCH)"/>
              </Option>
              <Option type="Map">
                <Option value="PARTENORD" type="QString" name="Partenord Habitat (PARTENORD)"/>
              </Option>
              <Option type="Map">
                <Option value="NOREVIE" type="QString" name="Norevie (NOREVIE)"/>
              </Option>
              <Option type="Map">
                <Option value="VILOGIA" type="QString" name="Vilogia (VILOGIA)"/>
              </Option>
              <Option type="Map">
                <Option value="CLESENCE" type="QString" name="Clésence (CLESENCE)"/>
              </Option>
            </Option>
          </Option>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="type_palu">
      <editWidget type="ValueMap">
        <config>
          <Option type="Map">
            <Option type="List" name="map">
              <Option type="Map">
                <Option value="Groupé" type="QString" name="Groupé"/>
              </Option>
              <Option type="Map">
                <Option value="Isolé" type="QString" name="Isolé"/>
              </Option>
              <Option type="Map">
                <Option value="Hors" type="QString" name="Hors"/>
              </Option>
            </Option>
          </Option>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="num_decision">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="annee_financ">
      <editWidget type="TextEdit">
        <config>
          <Option type="Map">
            <Option value="false" type="bool" name="IsMultiline"/>
            <Option value="false" type="bool" name="UseHtml"/>
          </Option>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="date_os">
      <editWidget type="DateTime">
        <config>
          <Option type="Map">
            <Option value="true" type="bool" name="allow_null"/>
            <Option value="true" type="bool" name="calendar_popup"/>
            <Option value="dd/MM/yyyy" type="QString" name="display_format"/>
            <Option value="yyyy-MM-dd" type="QString" name="field_format"/>
          </Option>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="date_fin">
      <editWidget type="DateTime">
        <config>
          <Option type="Map">
            <Option value="true" type="bool" name="allow_null"/>
            <Option value="true" type="bool" name="calendar_popup"/>
            <Option value="dd/MM/yyyy" type="QString" name="display_format"/>
            <Option value="yyyy-MM-dd" type="QString" name="field_format"/>
          </Option>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="dnvoiri">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="dindic">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="dvoilib">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="idcomtxt">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="cite_ini">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="id_cite">
      <editWidget type="TextEdit">
        <config>
          <Option type="Map">
            <Option value="false" type="bool" name="IsMultiline"/>
            <Option value="false" type="bool" name="UseHtml"/>
          </Option>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="nom_cite_1">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="l_id_cite">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="info">
      <editWidget type="TextEdit">
        <config>
          <Option type="Map">
            <Option value="true" type="bool" name="IsMultiline"/>
            <Option value="false" type="bool" name="UseHtml"/>
          </Option>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="num_rpls_ini">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="num_esti_ini">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="geoloc_source">
      <editWidget type="ValueMap">
        <config>
          <Option type="Map">
            <Option type="List" name="map">
              <Option type="Map">
                <Option value="parcelle" type="QString" name="Parcelle cadastrale"/>
              </Option>
              <Option type="Map">
                <Option value="local_ff" type="QString" name="Local des Fichiers fonciers"/>
              </Option>
              <Option type="Map">
                <Option value="adresse" type="QString" name="Point adresse"/>
              </Option>
              <Option type="Map">
                <Option value="manuel" type="QString" name="Placé à la main"/>
              </Option>
            </Option>
          </Option>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="geoloc_motif">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="date_maj">
      <editWidget type="DateTime">
        <config>
          <Option type="Map">
            <Option value="true" type="bool" name="allow_null"/>
            <Option value="false" type="bool" name="calendar_popup"/>
            <Option value="dd/MM/yyyy HH:mm" type="QString" name="display_format"/>
            <Option value="yyyy-MM-ddTHH:mm:ss" type="QString" name="field_format"/>
          </Option>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="statut">
      <editWidget type="ValueMap">
        <config>
          <Option type="Map">
            <Option type="List" name="map">
              <Option type="Map">
                <Option value="present" type="QString" name="Présent au dernier envoi"/>
              </Option>
              <Option type="Map">
                <Option value="absent_dernier_envoi" type="QString" name="Absent du dernier envoi"/>
              </Option>
            </Option>
          </Option>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="geom_import">
      <editWidget type="Hidden">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
  </fieldConfiguration>
  <aliases>
    <alias index="0" name="Identifiant OSP" field="id_osp"/>
    <alias index="1" name="Identifiant RPLS" field="ident_rep"/>
    <alias index="2" name="Identifiant bailleur" field="ident_int"/>
    <alias index="3" name="Identifiant fiscal (idlocal)" field="idlocal"/>
    <alias index="4" name="Parcelle (idpar)" field="idpar"/>
    <alias index="5" name="Code INSEE de la commune" field="idcom"/>
    <alias index="6" name="Département" field="dep"/>
    <alias index="7" name="EPCI" field="epci"/>
    <alias index="8" name="Intitulé de l'opération" field="intitule"/>
    <alias index="9" name="Bailleur" field="bailleur"/>
    <alias index="10" name="Type PALULOS" field="type_palu"/>
    <alias index="11" name="N° de décision" field="num_decision"/>
    <alias index="12" name="Année de financement" field="annee_financ"/>
    <alias index="13" name="Date de l'ordre de service" field="date_os"/>
    <alias index="14" name="Date de fin des travaux" field="date_fin"/>
    <alias index="15" name="Numéro de voie" field="dnvoiri"/>
    <alias index="16" name="Indice de répétition" field="dindic"/>
    <alias index="17" name="Libellé de la voie" field="dvoilib"/>
    <alias index="18" name="Commune" field="idcomtxt"/>
    <alias index="19" name="Cité (selon le bailleur)" field="cite_ini"/>
    <alias index="20" name="Cité" field="id_cite"/>
    <alias index="21" name="Nom de la cité" field="nom_cite_1"/>
    <alias index="22" name="Cités touchées (identifiants)" field="l_id_cite"/>
    <alias index="23" name="Information" field="info"/>
    <alias index="24" name="Identifiant RPLS reçu" field="num_rpls_ini"/>
    <alias index="25" name="Identifiant bailleur reçu" field="num_esti_ini"/>
    <alias index="26" name="Source de la géolocalisation" field="geoloc_source"/>
    <alias index="27" name="Motif de non-géolocalisation" field="geoloc_motif"/>
    <alias index="28" name="Date de mise à jour" field="date_maj"/>
    <alias index="29" name="Statut au dernier envoi" field="statut"/>
    <alias index="30" name="Position à l'import (technique)" field="geom_import"/>
  </aliases>
  <defaults>
    <default applyOnUpdate="0" expression="" field="id_osp"/>
    <default applyOnUpdate="0" expression="" field="ident_rep"/>
    <default applyOnUpdate="0" expression="" field="ident_int"/>
    <default applyOnUpdate="0" expression="" field="idlocal"/>
    <default applyOnUpdate="0" expression="" field="idpar"/>
    <default applyOnUpdate="0" expression="" field="idcom"/>
    <default applyOnUpdate="0" expression="" field="dep"/>
    <default applyOnUpdate="0" expression="" field="epci"/>
    <default applyOnUpdate="0" expression="" field="intitule"/>
    <default applyOnUpdate="0" expression="" field="bailleur"/>
    <default applyOnUpdate="0" expression="" field="type_palu"/>
    <default applyOnUpdate="0" expression="" field="num_decision"/>
    <default applyOnUpdate="0" expression="" field="annee_financ"/>
    <default applyOnUpdate="0" expression="" field="date_os"/>
    <default applyOnUpdate="0" expression="" field="date_fin"/>
    <default applyOnUpdate="0" expression="" field="dnvoiri"/>
    <default applyOnUpdate="0" expression="" field="dindic"/>
    <default applyOnUpdate="0" expression="" field="dvoilib"/>
    <default applyOnUpdate="0" expression="" field="idcomtxt"/>
    <default applyOnUpdate="0" expression="" field="cite_ini"/>
    <default applyOnUpdate="0" expression="" field="id_cite"/>
    <default applyOnUpdate="0" expression="" field="nom_cite_1"/>
    <default applyOnUpdate="0" expression="" field="l_id_cite"/>
    <default applyOnUpdate="0" expression="" field="info"/>
    <default applyOnUpdate="0" expression="" field="num_rpls_ini"/>
    <default applyOnUpdate="0" expression="" field="num_esti_ini"/>
    <default applyOnUpdate="1" expression="CASE WHEN &quot;geom_import&quot; IS NOT NULL AND $geometry IS NOT NULL AND geom_to_wkt($geometry, 6) &lt;> &quot;geom_import&quot; THEN 'manuel' ELSE &quot;geoloc_source&quot; END" field="geoloc_source"/>
    <default applyOnUpdate="0" expression="" field="geoloc_motif"/>
    <default applyOnUpdate="1" expression="now()" field="date_maj"/>
    <default applyOnUpdate="0" expression="" field="statut"/>
    <default applyOnUpdate="0" expression="" field="geom_import"/>
  </defaults>
  <constraints>
    <constraint exp_strength="0" constraints="0" unique_strength="0" notnull_strength="0" field="id_osp"/>
    <constraint exp_strength="1" constraints="4" unique_strength="0" notnull_strength="0" field="ident_rep"/>
    <constraint exp_strength="0" constraints="0" unique_strength="0" notnull_strength="0" field="ident_int"/>
    <constraint exp_strength="1" constraints="4" unique_strength="0" notnull_strength="0" field="idlocal"/>
    <constraint exp_strength="1" constraints="4" unique_strength="0" notnull_strength="0" field="idpar"/>
    <constraint exp_strength="0" constraints="0" unique_strength="0" notnull_strength="0" field="idcom"/>
    <constraint exp_strength="0" constraints="0" unique_strength="0" notnull_strength="0" field="dep"/>
    <constraint exp_strength="0" constraints="0" unique_strength="0" notnull_strength="0" field="epci"/>
    <constraint exp_strength="0" constraints="0" unique_strength="0" notnull_strength="0" field="intitule"/>
    <constraint exp_strength="0" constraints="0" unique_strength="0" notnull_strength="0" field="bailleur"/>
    <constraint exp_strength="1" constraints="4" unique_strength="0" notnull_strength="0" field="type_palu"/>
    <constraint exp_strength="0" constraints="0" unique_strength="0" notnull_strength="0" field="num_decision"/>
    <constraint exp_strength="1" constraints="4" unique_strength="0" notnull_strength="0" field="annee_financ"/>
    <constraint exp_strength="0" constraints="0" unique_strength="0" notnull_strength="0" field="date_os"/>
    <constraint exp_strength="1" constraints="4" unique_strength="0" notnull_strength="0" field="date_fin"/>
    <constraint exp_strength="0" constraints="0" unique_strength="0" notnull_strength="0" field="dnvoiri"/>
    <constraint exp_strength="0" constraints="0" unique_strength="0" notnull_strength="0" field="dindic"/>
    <constraint exp_strength="0" constraints="0" unique_strength="0" notnull_strength="0" field="dvoilib"/>
    <constraint exp_strength="0" constraints="0" unique_strength="0" notnull_strength="0" field="idcomtxt"/>
    <constraint exp_strength="0" constraints="0" unique_strength="0" notnull_strength="0" field="cite_ini"/>
    <constraint exp_strength="0" constraints="0" unique_strength="0" notnull_strength="0" field="id_cite"/>
    <constraint exp_strength="0" constraints="0" unique_strength="0" notnull_strength="0" field="nom_cite_1"/>
    <constraint exp_strength="0" constraints="0" unique_strength="0" notnull_strength="0" field="l_id_cite"/>
    <constraint exp_strength="0" constraints="0" unique_strength="0" notnull_strength="0" field="info"/>
    <constraint exp_strength="0" constraints="0" unique_strength="0" notnull_strength="0" field="num_rpls_ini"/>
    <constraint exp_strength="0" constraints="0" unique_strength="0" notnull_strength="0" field="num_esti_ini"/>
    <constraint exp_strength="0" constraints="0" unique_strength="0" notnull_strength="0" field="geoloc_source"/>
    <constraint exp_strength="0" constraints="0" unique_strength="0" notnull_strength="0" field="geoloc_motif"/>
    <constraint exp_strength="0" constraints="0" unique_strength="0" notnull_strength="0" field="date_maj"/>
    <constraint exp_strength="0" constraints="0" unique_strength="0" notnull_strength="0" field="statut"/>
    <constraint exp_strength="0" constraints="0" unique_strength="0" notnull_strength="0" field="geom_import"/>
  </constraints>
  <constraintExpressions>
    <constraint exp="" field="id_osp" desc=""/>
    <constraint exp="&quot;ident_rep&quot; IS NULL OR regexp_match(&quot;ident_rep&quot;, '^[0-9]{10}$')" field="ident_rep" desc="L'identifiant RPLS compte exactement 10 chiffres, zéros de tête compris (par exemple 0044619057)."/>
    <constraint exp="" field="ident_int" desc=""/>
    <constraint exp="&quot;idlocal&quot; IS NULL OR regexp_match(&quot;idlocal&quot;, '^([0-9]{2}|2[AB])[0-9A-Z]{10}$')" field="idlocal" desc="L'identifiant fiscal (idlocal) compte 12 caractères : département (2) et invariant (10)."/>
    <constraint exp="&quot;idpar&quot; IS NULL OR regexp_match(&quot;idpar&quot;, '^([0-9]{2}|2[AB])[0-9]{6}[0-9A-Z]{2}[0-9]{4}$')" field="idpar" desc="La parcelle (idpar) compte 14 caractères : commune (5), préfixe (3), section (2), numéro (4), par exemple 62498000AP0347."/>
    <constraint exp="" field="idcom" desc=""/>
    <constraint exp="" field="dep" desc=""/>
    <constraint exp="" field="epci" desc=""/>
    <constraint exp="" field="intitule" desc=""/>
    <constraint exp="" field="bailleur" desc=""/>
    <constraint exp="&quot;type_palu&quot; IS NULL OR &quot;type_palu&quot; IN ('Groupé', 'Isolé', 'Hors')" field="type_palu" desc="Le type PALULOS est Groupé, Isolé ou Hors."/>
    <constraint exp="" field="num_decision" desc=""/>
    <constraint exp="&quot;annee_financ&quot; IS NULL OR (&quot;annee_financ&quot; >= 2000 AND &quot;annee_financ&quot; &lt;= 2040)" field="annee_financ" desc="L'année de financement doit être comprise entre 2000 et 2040."/>
    <constraint exp="" field="date_os" desc=""/>
    <constraint exp="&quot;date_fin&quot; IS NULL OR &quot;date_os&quot; IS NULL OR &quot;date_fin&quot; >= &quot;date_os&quot;" field="date_fin" desc="La date de fin des travaux ne peut pas précéder la date de l'ordre de service."/>
    <constraint exp="" field="dnvoiri" desc=""/>
    <constraint exp="" field="dindic" desc=""/>
    <constraint exp="" field="dvoilib" desc=""/>
    <constraint exp="" field="idcomtxt" desc=""/>
    <constraint exp="" field="cite_ini" desc=""/>
    <constraint exp="" field="id_cite" desc=""/>
    <constraint exp="" field="nom_cite_1" desc=""/>
    <constraint exp="" field="l_id_cite" desc=""/>
    <constraint exp="" field="info" desc=""/>
    <constraint exp="" field="num_rpls_ini" desc=""/>
    <constraint exp="" field="num_esti_ini" desc=""/>
    <constraint exp="" field="geoloc_source" desc=""/>
    <constraint exp="" field="geoloc_motif" desc=""/>
    <constraint exp="" field="date_maj" desc=""/>
    <constraint exp="" field="statut" desc=""/>
    <constraint exp="" field="geom_import" desc=""/>
  </constraintExpressions>
  <expressionfields/>
  <attributeactions/>
  <attributetableconfig actionWidgetStyle="dropDown" sortExpression="" sortOrder="0">
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
    <attributeEditorContainer showLabel="1" visibilityExpressionEnabled="0" groupBox="0" visibilityExpression="" name="Identifiants" columnCount="1">
      <attributeEditorField showLabel="1" index="1" name="ident_rep"/>
      <attributeEditorField showLabel="1" index="2" name="ident_int"/>
      <attributeEditorField showLabel="1" index="3" name="idlocal"/>
      <attributeEditorField showLabel="1" index="4" name="idpar"/>
    </attributeEditorContainer>
    <attributeEditorContainer showLabel="1" visibilityExpressionEnabled="0" groupBox="0" visibilityExpression="" name="Programme" columnCount="1">
      <attributeEditorField showLabel="1" index="9" name="bailleur"/>
      <attributeEditorField showLabel="1" index="8" name="intitule"/>
      <attributeEditorField showLabel="1" index="10" name="type_palu"/>
      <attributeEditorField showLabel="1" index="11" name="num_decision"/>
      <attributeEditorField showLabel="1" index="12" name="annee_financ"/>
      <attributeEditorField showLabel="1" index="13" name="date_os"/>
      <attributeEditorField showLabel="1" index="14" name="date_fin"/>
    </attributeEditorContainer>
    <attributeEditorContainer showLabel="1" visibilityExpressionEnabled="0" groupBox="0" visibilityExpression="" name="Localisation" columnCount="1">
      <attributeEditorField showLabel="1" index="15" name="dnvoiri"/>
      <attributeEditorField showLabel="1" index="16" name="dindic"/>
      <attributeEditorField showLabel="1" index="17" name="dvoilib"/>
      <attributeEditorField showLabel="1" index="5" name="idcom"/>
      <attributeEditorField showLabel="1" index="18" name="idcomtxt"/>
      <attributeEditorField showLabel="1" index="7" name="epci"/>
      <attributeEditorField showLabel="1" index="6" name="dep"/>
      <attributeEditorField showLabel="1" index="26" name="geoloc_source"/>
      <attributeEditorField showLabel="1" index="27" name="geoloc_motif"/>
    </attributeEditorContainer>
    <attributeEditorContainer showLabel="1" visibilityExpressionEnabled="0" groupBox="0" visibilityExpression="" name="Cité" columnCount="1">
      <attributeEditorField showLabel="1" index="19" name="cite_ini"/>
      <attributeEditorField showLabel="1" index="20" name="id_cite"/>
      <attributeEditorField showLabel="1" index="21" name="nom_cite_1"/>
      <attributeEditorField showLabel="1" index="22" name="l_id_cite"/>
    </attributeEditorContainer>
    <attributeEditorContainer showLabel="1" visibilityExpressionEnabled="0" groupBox="0" visibilityExpression="" name="Suivi" columnCount="1">
      <attributeEditorField showLabel="1" index="23" name="info"/>
      <attributeEditorField showLabel="1" index="28" name="date_maj"/>
      <attributeEditorField showLabel="1" index="29" name="statut"/>
      <attributeEditorField showLabel="1" index="0" name="id_osp"/>
      <attributeEditorField showLabel="1" index="24" name="num_rpls_ini"/>
      <attributeEditorField showLabel="1" index="25" name="num_esti_ini"/>
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
