/** The household's members on the create form (Form.List over `members`), the first one being the 户主. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form } from 'antd';
import { newPerson } from './formValues';
import { PersonFields } from './PersonFields';

export function MemberListFields() {
  return (
    <Form.List name="members">
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field, index) => (
            <Card
              key={field.key}
              size="small"
              title={index === 0 ? '成员 1（户主）' : `成员 ${index + 1}`}
              style={{ marginBottom: 12 }}
              extra={
                fields.length > 1 && (
                  <Button type="link" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)}>
                    删除
                  </Button>
                )
              }
            >
              <PersonFields name={[field.name]} path={['members', field.name]} />
            </Card>
          ))}
          <Button type="dashed" block icon={<PlusOutlined />} disabled={fields.length >= 30} onClick={() => add(newPerson(fields.length === 0))}>
            添加家庭成员
          </Button>
          {/* errors about the list as a whole, e.g. the server's 每户必须有且只有一名户主 */}
          <Form.ErrorList errors={errors} />
        </>
      )}
    </Form.List>
  );
}
